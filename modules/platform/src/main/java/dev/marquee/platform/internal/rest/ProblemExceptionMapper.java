package dev.marquee.platform.internal.rest;

import dev.marquee.platform.api.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A {@link ProblemException} is already phrased for the client: render it as it is. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
  @Override
  public Response toResponse(ProblemException problem) {
    return ProblemResponses.of(
        problem.status(), problem.type(), problem.title(), problem.detail(), problem.extensions());
  }
}
