package dev.marquee.playback.internal.rest;

import dev.marquee.platform.api.ProblemException;

/**
 * Where a playback request may carry its session credential (ADR 15): the session token only in the
 * {@code X-Playback-Session} header, never in a URL; a URL carries at most a ticket ({@code
 * ?ticket=}) for that one URL. The old query forms are refused outright, so that a client that
 * still writes the token into a URL learns it at once instead of leaking it into logs.
 */
final class SessionCredentials {
  static final String HEADER = "X-Playback-Session";

  private SessionCredentials() {}

  /** Refuses a session token in the query ({@code ?token=} or {@code ?session=}). */
  static void refuseTokenInUrl(String tokenQuery, String sessionQuery) {
    if (tokenQuery != null || sessionQuery != null) {
      throw new ProblemException(
          401,
          "session-token-in-url",
          "Authentication required",
          "Playback session tokens are not accepted in URLs: send the token in the "
              + HEADER
              + " header.");
    }
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
