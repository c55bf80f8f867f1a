package dev.marquee.platform.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
  private final Duration retryAfter;

  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of());
  }

  public ProblemException(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    this(status, type, title, detail, extensions, null);
  }

  private ProblemException(
      int status,
      String type,
      String title,
      String detail,
      Map<String, Object> extensions,
      Duration retryAfter) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    this.retryAfter = retryAfter;
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

  /** When the client may try again (the {@code Retry-After} header), if the problem says. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * 429: the client asked too often. {@code Retry-After} says when the limit lets it in again;
   * {@code extensions} may add members such as OAuth2's {@code error}.
   */
  public static ProblemException tooManyRequests(
      String type, String detail, Duration retryAfter, Map<String, Object> extensions) {
    Map<String, Object> members = new LinkedHashMap<>(extensions);
    members.put("retryAfterSeconds", seconds(retryAfter));
    return new ProblemException(429, type, "Too many requests", detail, members, retryAfter);
  }

  /** 503: the server cannot take this request now, and says when to try again. */
  public static ProblemException unavailable(String type, String detail, Duration retryAfter) {
    return new ProblemException(
        503,
        type,
        "Service unavailable",
        detail,
        Map.of("retryAfterSeconds", seconds(retryAfter)),
        retryAfter);
  }

  /** Whole seconds, rounded up and at least one: what {@code Retry-After} carries. */
  public static long seconds(Duration d) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, s);
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
