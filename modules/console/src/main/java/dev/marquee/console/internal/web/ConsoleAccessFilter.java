package dev.marquee.console.internal.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * The server-side check of every console request, pages and actions alike: signed in (a session
 * made by {@link SignInPage}), the account still exists and still holds the role the path needs
 * (read from accounts on each request, so a removed role or a lock takes effect at once). A browser
 * without a session is sent to the sign-in page; a signed-in user without the role gets 403. A POST
 * without Faces' view state, or with one the server never issued (a forged form from another site),
 * is refused with 403 and runs no action; so is a console script's request without its session's
 * {@link ConsoleRequestToken}.
 */
@WebFilter(urlPatterns = "/console/*", asyncSupported = true)
public class ConsoleAccessFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String VIEW_STATE = "jakarta.faces.ViewState";

  /** The largest form with a file the console reads: web-fragment.xml's max-request-size. */
  static final long MAX_FORM_BYTES = 2148532224L;

  @Inject transient ConsoleAccess access;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // The path the container mapped, without dot segments or encodings: the raw URI of
    // "/console/jobs/../admin/licences.xhtml" starts with /console/jobs/ but renders an admin page.
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    response.setHeader("Cache-Control", "no-store");
    boolean scripted = request.getHeader(ConsoleRequestToken.HEADER) != null;
    if (scripted && !ConsoleRequestToken.carriedBy(request)) {
      refuse(response, 403, "This request was not sent by a console page (no valid token).");
      return;
    }
    if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > MAX_FORM_BYTES) {
      refuse(
          response,
          413,
          "The file is larger than the console accepts (2 GiB); send it through the REST API.");
      return;
    }
    if ("POST".equals(request.getMethod())
        && !scripted
        && request.getParameter(VIEW_STATE) == null) {
      refuse(response, 403, "This form was not issued by the console (no view state).");
      return;
    }
    if (!ConsolePaths.isPublic(path)) {
      Optional<ConsoleUser> user = current(request);
      if (user.isEmpty()) {
        toSignIn(request, response);
        return;
      }
      if (!ConsolePaths.allows(user.get(), ConsolePaths.requiredRole(path))) {
        refuse(response, 403, "Your account may not open this page.");
        return;
      }
    }
    try {
      chain.doFilter(request, response);
    } catch (ServletException e) {
      if (!isViewExpired(e) || response.isCommitted()) {
        throw e;
      }
      refuse(
          response,
          403,
          "This form's view state is unknown to the server (expired, or not issued by it).");
    }
  }

  /** The signed-in user with roles as accounts has them now; empty if not signed in or removed. */
  private Optional<ConsoleUser> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    boolean held = session.getAttribute(ConsoleUser.SESSION_KEY) instanceof ConsoleUser;
    // A locked account's console session ends like its API sign-ins.
    Optional<ConsoleUser> now = access.current(session);
    if (now.isEmpty()) {
      if (held) {
        session.invalidate();
      }
      return Optional.empty();
    }
    session.setAttribute(ConsoleUser.SESSION_KEY, now.get());
    return now;
  }

  private static void toSignIn(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String target = request.getContextPath() + ConsolePaths.SIGN_IN;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      // An Ajax request (a poll, a button) of an expired session: Faces' own redirect answer.
      response.setContentType("text/xml;charset=UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + target
                  + "\"/></partial-response>");
      return;
    }
    response.sendRedirect(target);
  }

  private static boolean isViewExpired(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
    }
    return false;
  }

  static void refuse(HttpServletResponse response, int status, String why) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Not allowed - Marquee console</title>"
                + "</head><body><main><h1>Not allowed</h1><p>"
                + why
                + "</p><p><a href=\"/console/\">Console home</a></p></main></body></html>");
  }
}
