package dev.marquee.app;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Liberty's health, metrics and OpenAPI endpoints on Marquee's own port in production (ADR 32).
 * There Liberty serves them on a loopback management port only, and this servlet answers for them:
 * health to anyone (load balancers check it), metrics and the OpenAPI document only to a bearer
 * token of an operator or admin. In development Liberty's endpoints sit on the same port under
 * these paths and answer first, so this servlet is never reached.
 */
@WebServlet(
    urlPatterns = {"/health/*", "/metrics/*", "/openapi/*"},
    asyncSupported = true)
public class ManagementEndpointsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final HttpClient LOOPBACK =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9/_.-]*");
  private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9=&_.,-]*");

  @Inject
  @ConfigProperty(name = "management.http.port", defaultValue = "9090")
  int managementPort;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // Decide on the path the container mapped (no dot segments, no encodings), and forward only
    // that: "/health/../metrics" reaches this servlet as /metrics and is checked as /metrics.
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString() == null ? "" : request.getQueryString();
    if (!raw.equals(path) || !SAFE_PATH.matcher(path).matches()) {
      problem(
          response, 400, "invalid-path", "Bad request", "The path must be plain, as in /metrics.");
      return;
    }
    if (!SAFE_QUERY.matcher(query).matches()) {
      problem(
          response,
          400,
          "invalid-query",
          "Bad request",
          "The query may hold letters, digits and = & _ . , - only, as in ?format=JSON.");
      return;
    }
    if (!path.startsWith("/health") && !isOperator(request, response)) {
      return;
    }
    query = query.isEmpty() ? "" : "?" + query;
    HttpRequest.Builder forward =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path + query))
            .timeout(Duration.ofSeconds(30))
            .GET();
    String accept = request.getHeader("Accept");
    if (accept != null) {
      forward.header("Accept", accept);
    }
    // Asynchronously: the management port is served by this server's own threads, and a thread
    // waiting here for it could leave none to answer (a deadlock under load balancer polling).
    AsyncContext async = request.startAsync();
    async.setTimeout(Duration.ofSeconds(35).toMillis());
    LOOPBACK
        .sendAsync(forward.build(), HttpResponse.BodyHandlers.ofByteArray())
        .whenComplete((answer, failure) -> answer(async, answer, failure));
  }

  private static void answer(AsyncContext async, HttpResponse<byte[]> answer, Throwable failure) {
    HttpServletResponse response = (HttpServletResponse) async.getResponse();
    try {
      if (failure != null) {
        problem(
            response,
            503,
            "management-unavailable",
            "Service unavailable",
            "The server's management port does not answer.");
        return;
      }
      response.setStatus(answer.statusCode());
      answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
      response.setContentLength(answer.body().length);
      response.getOutputStream().write(answer.body());
    } catch (IOException clientGone) {
      // The caller hung up; nothing is left to tell it.
    } finally {
      async.complete();
    }
  }

  /** True for an operator's or admin's token; otherwise answers 401 or 403 and returns false. */
  private static boolean isOperator(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getUserPrincipal() == null) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"marquee\"");
      problem(
          response,
          401,
          "unauthenticated",
          "Authentication required",
          "Metrics and the OpenAPI document need an operator's or admin's bearer access token.");
      return false;
    }
    if (!request.isUserInRole("operator") && !request.isUserInRole("admin")) {
      problem(
          response,
          403,
          "forbidden",
          "Forbidden",
          "Metrics and the OpenAPI document are for operators and admins.");
      return false;
    }
    return true;
  }

  private static void problem(
      HttpServletResponse response, int status, String type, String title, String detail)
      throws IOException {
    byte[] body =
        Json.createObjectBuilder()
            .add("type", "/problems/" + type)
            .add("title", title)
            .add("status", status)
            .add("detail", detail)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
