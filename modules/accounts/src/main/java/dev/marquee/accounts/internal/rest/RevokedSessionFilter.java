package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.OAuthTokenService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens are self-contained, so mpJwt alone would accept one until it expires. This filter
 * runs after mpJwt has authenticated the caller and rejects tokens whose sign-in (the {@code sid}
 * token family) was revoked by logout, device removal or refresh-token reuse.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class RevokedSessionFilter implements ContainerRequestFilter {
  @Inject OAuthTokenService tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    var principal = request.getSecurityContext().getUserPrincipal();
    if (!(principal instanceof JsonWebToken jwt)) {
      return;
    }
    Object sid = jwt.getClaim("sid");
    boolean active;
    try {
      active =
          sid != null && tokens.isSessionActive(UUID.fromString(sid.toString().replace("\"", "")));
    } catch (IllegalArgumentException e) {
      active = false;
    }
    if (!active) {
      request.abortWith(Response.status(401).build());
    }
  }
}
