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
    Response response =
        ProblemResponses.of(
            problem.status(),
            problem.type(),
            problem.title(),
            problem.detail(),
            problem.extensions());
    if (problem.retryAfter().isPresent()) {
      return Response.fromResponse(response)
          .header("Retry-After", ProblemException.seconds(problem.retryAfter().get()))
          .build();
    }
    if (problem.status() == 503) {
      // A dependency is away for a moment: tell clients when to try again.
      return Response.fromResponse(response).header("Retry-After", "5").build();
    }
    return response;
  }
}
