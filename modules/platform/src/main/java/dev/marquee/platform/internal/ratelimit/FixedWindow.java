package dev.marquee.platform.internal.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * The window an instant falls in: windows of a rule start at multiples of its length since the
 * epoch, so every server computes the same window for the same instant without talking to another.
 */
record FixedWindow(Instant start, Duration length) {
  static FixedWindow at(Instant now, Duration length) {
    long size = length.toSeconds();
    long second = now.getEpochSecond();
    return new FixedWindow(Instant.ofEpochSecond(second - Math.floorMod(second, size)), length);
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
