package dev.marquee.platform.internal.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;

/**
 * Liberty's security filter aborts unauthenticated calls with a bare 401 (and RESTEasy may do the
 * same for 403): give those responses a problem body too, so clients see one error format.
 */
@Provider
@Priority(1000)
public class EmptyErrorBodyFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.hasEntity() || response.getStatus() < 400) {
      return;
    }
    Response problem =
        switch (response.getStatus()) {
          case 401 ->
              ProblemResponses.of(
                  401,
                  "unauthenticated",
                  "Authentication required",
                  request.getHeaderString("Authorization") == null
                      ? "This operation needs a bearer access token."
                      : "The bearer token is not valid (expired, revoked or not issued by Marquee).");
          case 403 ->
              ProblemResponses.of(
                  403, "forbidden", "Forbidden", "Your roles do not allow this operation.");
          default ->
              ProblemResponses.of(
                  response.getStatus(),
                  "http-" + response.getStatus(),
                  response.getStatusInfo().getReasonPhrase(),
                  null);
        };
    response.setEntity(problem.getEntity(), new Annotation[0], problem.getMediaType());
    response.getHeaders().putAll(problem.getHeaders());
    if (response.getStatus() == 401 && request.getHeaderString("Authorization") != null) {
      // RFC 6750 section 3: say why a presented token was refused.
      response
          .getHeaders()
          .putSingle("WWW-Authenticate", "Bearer realm=\"marquee\", error=\"invalid_token\"");
    }
  }
}
