package dev.marquee.platform.internal.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * A JSON write with no body at all is told so plainly, instead of as a parser error about an
 * unexpected end of input.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class MissingBodyFilter implements ContainerRequestFilter {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (WRITES.contains(request.getMethod())
        && type != null
        && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
        && (request.getLength() == 0 || !request.hasEntity())) {
      request.abortWith(
          ProblemResponses.of(
              400,
              "missing-body",
              "Missing body",
              "This operation needs a JSON object as its body."));
    }
  }
}
