package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.OAuthTokenService;
import dev.marquee.platform.api.CallerIdentity;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Access tokens are self-contained, so their signature alone would accept one until it expires.
 * This filter runs after {@link BearerAuthentication} has verified the caller's token and rejects
 * tokens whose sign-in (the {@code sid} token family) was revoked by logout, device removal or
 * refresh-token reuse.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class RevokedSessionFilter implements ContainerRequestFilter {
  @Inject OAuthTokenService tokens;
  @Inject CallerIdentity caller;

  @Override
  public void filter(ContainerRequestContext request) {
    caller
        .token()
        .filter(token -> !tokens.isSessionActive(token.sessionId()))
        .ifPresent(revoked -> request.abortWith(Response.status(401).build()));
  }
}
