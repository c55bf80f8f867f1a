package dev.marquee.platform.internal.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * One subject's window under a rule: it starts at the subject's first counted hit and lasts the
 * rule's length; the first hit after it ends starts the next one. Windows are the subject's own,
 * not aligned to the clock, so a burst that starts just before a round minute cannot count twice
 * the limit across it, and a client learns nothing from the time of day (ADR 16).
 */
record SubjectWindow(Instant start, Duration length) {
  /** Windows that started at or before this instant have ended by {@code now}. */
  static Instant endedBy(Instant now, Duration length) {
    return now.minus(length);
  }

  Instant end() {
    return start.plus(length);
  }

  /** How long until a subject that used up this window may try again. */
  Duration retryAfter(Instant now) {
    Duration left = Duration.between(now, end());
    return left.isNegative() ? Duration.ZERO : left;
  }
}
