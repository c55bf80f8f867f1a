package dev.marquee.platform.internal.rest;

import dev.marquee.platform.api.AccessToken;
import dev.marquee.platform.api.CallerIdentity;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of the current request, as the bearer mechanism left it on the servlet request. One
 * instance for all requests: the injected request is a proxy to the current one.
 */
@ApplicationScoped
public class RequestCallerIdentity implements CallerIdentity {
  @Inject HttpServletRequest request;

  @Override
  public Optional<AccessToken> token() {
    return request.getAttribute(AccessToken.REQUEST_ATTRIBUTE) instanceof AccessToken token
        ? Optional.of(token)
        : Optional.empty();
  }

  @Override
  public AccessToken require() {
    return token()
        .orElseThrow(
            () ->
                new ProblemException(
                    401,
                    "unauthenticated",
                    "Authentication required",
                    "This operation needs a bearer access token."));
  }
}
