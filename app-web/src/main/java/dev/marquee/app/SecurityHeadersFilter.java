package dev.marquee.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser protections on every response of the web module. Pages (the player, device activation)
 * may run scripts and styles from this origin only, never inline, and may not be framed; media
 * comes from this origin or the player's own blob URLs (Media Source Extensions). API answers are
 * data, never documents: they get the strictest policy. HSTS is sent on HTTPS only (behind a
 * trusted proxy, Liberty takes the scheme from X-Forwarded-Proto).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /**
   * Console pages (Faces and PrimeFaces): PrimeFaces adds its own header allowing scripts from this
   * origin and inline scripts carrying the response's nonce; both policies apply, so this one
   * leaves scripts and component styles to it and keeps the rest as strict as the player's.
   */
  static final String CONSOLE_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'"
          + " 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String policy;
    if (path.startsWith("/api/")) {
      policy = API_POLICY;
    } else if (path.startsWith("/console/") || path.startsWith("/jakarta.faces.resource/")) {
      policy = CONSOLE_POLICY;
    } else {
      policy = PAGE_POLICY;
    }
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    if (request.isSecure() || "https".equalsIgnoreCase(request.getScheme())) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(request, response);
  }
}
