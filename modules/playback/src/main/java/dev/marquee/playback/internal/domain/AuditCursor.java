package dev.marquee.playback.internal.domain;

import dev.marquee.platform.api.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page of the licence audit starts: the time and id of the last decision shown,
 * base64url. Pages are newest first, so the next page holds decisions before that one.
 */
public record AuditCursor(Instant at, long id) {

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** Null for a blank cursor; 400 {@code invalid-cursor} for one no page gave. */
  public static AuditCursor decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
              .split("\\|");
      if (parts.length != 2) {
        throw new IllegalArgumentException("two parts expected");
      }
      return new AuditCursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          "invalid-cursor", "cursor must be the next value of a previous page.");
    }
  }
}
