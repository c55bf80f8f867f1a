package dev.marquee.platform.internal.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Bean Validation failures: 400, naming every field that is wrong and why. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Map<String, Object>> errors =
        exception.getConstraintViolations().stream()
            .map(v -> Map.<String, Object>of("field", fieldOf(v), "message", v.getMessage()))
            .sorted(Comparator.comparing(e -> e.get("field").toString()))
            .toList();
    String detail =
        errors.stream()
            .map(e -> e.get("field") + " " + e.get("message"))
            .reduce((a, b) -> a + "; " + b)
            .orElse("The request is not valid.");
    return ProblemResponses.of(
        400, "validation-failed", "Request validation failed", detail, Map.of("errors", errors));
  }

  /** The last node of the property path: the JSON field (or query parameter) the client sent. */
  private static String fieldOf(ConstraintViolation<?> violation) {
    String field = "request";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getName() != null && node.getKind() != ElementKind.METHOD) {
        field = node.getName();
      }
    }
    return field;
  }
}
