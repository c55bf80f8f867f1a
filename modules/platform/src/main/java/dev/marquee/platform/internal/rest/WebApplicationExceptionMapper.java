package dev.marquee.platform.internal.rest;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Failures raised by the JAX-RS runtime itself (unknown path, wrong method, unreadable body): the
 * same status, as problem JSON.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    if (isMalformedJson(exception)) {
      return ProblemResponses.of(
          400, "malformed-json", "Malformed JSON", JsonBodyProblems.describe(exception));
    }
    return switch (status) {
      case 400 ->
          ProblemResponses.of(400, "bad-request", "Bad request", "The request is not valid.");
      case 401 ->
          ProblemResponses.of(
              401,
              "unauthenticated",
              "Authentication required",
              "A valid bearer token is required.");
      case 403 ->
          ProblemResponses.of(
              403, "forbidden", "Forbidden", "Your roles do not allow this operation.");
      case 404 ->
          ProblemResponses.of(404, "not-found", "Not found", "No resource exists at this address.");
      case 405 ->
          ProblemResponses.of(
              405,
              "method-not-allowed",
              "Method not allowed",
              "This resource does not support that method.");
      case 406 ->
          ProblemResponses.of(
              406,
              "not-acceptable",
              "Not acceptable",
              "No representation matches the Accept header.");
      case 415 ->
          ProblemResponses.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "This operation does not accept that Content-Type.");
      default ->
          ProblemResponses.of(
              status,
              status >= 500 ? "internal-error" : "http-" + status,
              exception.getResponse().getStatusInfo().getReasonPhrase(),
              null);
    };
  }

  static boolean isMalformedJson(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonParsingException) {
        return true;
      }
    }
    return false;
  }
}
