package dev.marquee.platform.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure a client can act on, rendered as RFC 9457 problem JSON. The {@code type} is a short
 * slug (e.g. {@code weak-password}) that becomes {@code /problems/weak-password}; the detail names
 * the problem in plain words and never contains secrets or stack traces.
 */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final Map<String, Object> extensions;

  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of());
  }

  public ProblemException(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** Extra members of the problem object, e.g. {@code error} for OAuth2 clients. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  public static ProblemException badRequest(String type, String detail) {
    return new ProblemException(400, type, "Bad request", detail);
  }

  public static ProblemException notFound(String type, String detail) {
    return new ProblemException(404, type, "Not found", detail);
  }

  public static ProblemException conflict(String type, String detail) {
    return new ProblemException(409, type, "Conflict", detail);
  }

  public static ProblemException forbidden(String type, String detail) {
    return new ProblemException(403, type, "Forbidden", detail);
  }
}
