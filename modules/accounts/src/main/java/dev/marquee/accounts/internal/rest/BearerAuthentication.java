package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.AccessTokenVerifier.Verdict;
import dev.marquee.accounts.internal.application.BearerTokens;
import dev.marquee.platform.api.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The web module's one authentication mechanism (ADR 38): a request with {@code Authorization:
 * Bearer} is authenticated by Marquee's own check of the access token, before any resource runs;
 * every other request goes on unauthenticated (public operations, the console with its own session,
 * static files). A refused token is answered here with 401 problem JSON naming why, and is never
 * written anywhere: no log line, no incident file.
 *
 * <p>Outside the REST API, and for REST operations not marked {@code TokenIdentity} (ADR 48), the
 * caller reaches the container as the account id with the token's roles as groups in the realm
 * named by the issuer, so {@code @RolesAllowed}, {@code isUserInRole} and the batch roles' {@code
 * group:<issuer>/<role>} access ids all work. A REST call first passes unauthenticated with the
 * token on the request; {@link BearerCallerFilter} then either gives a {@code TokenIdentity}
 * operation a security context made from the token or authenticates the request again, and this
 * time the container is told. Resources read the verified token through {@link
 * dev.marquee.platform.api.CallerIdentity}.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {
  private static final String SCHEME = "Bearer ";

  /** The JAX-RS application's path ({@code MarqueeApplication}). */
  private static final String REST_ROOT = "/api/";

  @Inject BearerTokens tokens;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return context.doNothing();
    }
    Verdict verdict = tokens.verify(authorization.substring(SCHEME.length()).strip());
    if (!verdict.accepted()) {
      refuse(response, verdict.refusal());
      // The answer is written: SEND_CONTINUE makes the container send it as it is. SEND_FAILURE
      // would log an authentication failure and try to set the status of the written response
      // again, three log lines (one with a stack) per refused token.
      return AuthenticationStatus.SEND_CONTINUE;
    }
    AccessToken token = verdict.token();
    request.setAttribute(AccessToken.REQUEST_ATTRIBUTE, token);
    if (request.getAttribute(BearerCallerFilter.CONTAINER_LOGIN) == null && isRestCall(request)) {
      // JAX-RS decides once it knows the operation (BearerCallerFilter): most take the caller
      // from the token and need no container login, which was most of a bearer call's cost.
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(
        new CredentialValidationResult(
            tokens.issuer(),
            new CallerPrincipal(token.getName()),
            null,
            token.getName(),
            token.roles()));
  }

  /** A call of the REST API, where {@link BearerCallerFilter} runs before any operation. */
  private static boolean isRestCall(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return uri.startsWith(context) && uri.startsWith(REST_ROOT, context.length());
  }

  /** RFC 6750 section 3: 401 with {@code error="invalid_token"}, and the reason as problem JSON. */
  private static void refuse(HttpServletResponse response, String why) {
    byte[] body =
        Json.createObjectBuilder()
            .add("type", "/problems/unauthenticated")
            .add("title", "Authentication required")
            .add("status", 401)
            .add("detail", why)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(401);
    response.setHeader("WWW-Authenticate", "Bearer realm=\"marquee\", error=\"invalid_token\"");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentType("application/problem+json");
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
    } catch (IOException clientGone) {
      // The client hung up; it gets no answer either way.
    }
  }
}
