package dev.marquee.accounts.internal.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamps are stored in UTC. */
final class Time {
  private Time() {}

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
