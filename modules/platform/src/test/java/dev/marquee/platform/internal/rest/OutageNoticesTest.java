package dev.marquee.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OutageNoticesTest {
  private Instant now = Instant.parse("2026-12-06T10:00:00Z");
  private final OutageNotices notices =
      new OutageNotices(
          new Clock() {
            @Override
            public Instant instant() {
              return now;
            }

            @Override
            public ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
              return this;
            }
          });

  @Test
  void theFirstRefusalIsLoggedThenOneLinePerIntervalCountingTheOthers() {
    assertThat(notices.refused("database", "Database unavailable"))
        .contains("Database unavailable");
    for (int i = 0; i < 250; i++) {
      now = now.plusMillis(20);
      assertThat(notices.refused("database", "Database unavailable")).isEmpty();
    }
    now = now.plus(OutageNotices.EVERY);
    assertThat(notices.refused("database", "Database unavailable"))
        .contains("Database unavailable (and 250 requests refused since the last notice)");
  }

  @Test
  void eachDependencyHasItsOwnNotices() {
    assertThat(notices.refused("database", "Database unavailable")).isPresent();
    assertThat(notices.refused("storage", "Object storage unavailable")).isPresent();
    assertThat(notices.refused("database", "Database unavailable")).isEmpty();
    now = now.plus(Duration.ofSeconds(11));
    assertThat(notices.refused("storage", "Object storage unavailable"))
        .contains("Object storage unavailable");
  }
}
