package dev.marquee.platform.internal.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;

/**
 * A JSON write with no body at all is told so plainly, instead of as a parser error about an
 * unexpected end of input. A DELETE counts only where the operation reads a JSON body (an account's
 * erasure carries the password); other DELETEs ignore a stray Content-Type as before.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class MissingBodyFilter implements ContainerRequestFilter {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if ((WRITES.contains(request.getMethod()) || isDeleteWithJsonBody(request))
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

  private boolean isDeleteWithJsonBody(ContainerRequestContext request) {
    if (!"DELETE".equals(request.getMethod()) || resource == null) {
      return false;
    }
    Method method = resource.getResourceMethod();
    if (method == null) {
      return false;
    }
    Consumes consumes = method.getAnnotation(Consumes.class);
    if (consumes == null) {
      consumes = resource.getResourceClass().getAnnotation(Consumes.class);
    }
    return consumes != null
        && Arrays.stream(consumes.value())
            .anyMatch(v -> MediaType.valueOf(v).isCompatible(MediaType.APPLICATION_JSON_TYPE));
  }
}
