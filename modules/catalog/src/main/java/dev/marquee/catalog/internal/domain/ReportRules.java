package dev.marquee.catalog.internal.domain;

import dev.marquee.platform.api.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of the moderation queue: the reasons a viewer may give, the states of a report, and the
 * queue's keyset cursor (the creation time and id of a page's last report).
 */
public final class ReportRules {
  public static final Set<String> REASONS =
      Set.of("ABUSIVE", "COPYRIGHT", "WRONG_RATING", "BROKEN", "OTHER");

  /** The states of a report in the queue. */
  public static final List<String> STATES = List.of("OPEN", "DISMISSED", "ACTIONED");

  /** Where a page of the queue starts: after this report (newest first). */
  public record After(Instant createdAt, UUID id) {}

  private ReportRules() {}

  /** The state named (any case, blank means OPEN); 400 {@code invalid-state} for another. */
  public static String state(String name) {
    String s = name == null || name.isBlank() ? "OPEN" : name.strip().toUpperCase(Locale.ROOT);
    if (!STATES.contains(s)) {
      throw ProblemException.badRequest(
          "invalid-state", "state must be OPEN, DISMISSED or ACTIONED, not " + name + ".");
    }
    return s;
  }

  /** The cursor after this report. */
  public static String cursor(Report last) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((last.createdAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
  }

  /** The report a cursor points after; null for none (blank); 400 {@code invalid-cursor}. */
  public static After after(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
              .split("\\|");
      Instant at = Instant.parse(parts[0]);
      at.toEpochMilli(); // a time too far out for a SQL timestamp is no cursor either
      return new After(at, UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          "invalid-cursor", "cursor must be the next value of a previous page.");
    }
  }
}
