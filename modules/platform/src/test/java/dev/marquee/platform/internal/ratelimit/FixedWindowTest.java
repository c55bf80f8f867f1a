package dev.marquee.platform.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedWindowTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void everyInstantOfAWindowMapsToTheSameStart() {
    Instant start = Instant.parse("2026-12-04T10:20:00Z");
    assertThat(FixedWindow.at(start, TEN_MINUTES).start()).isEqualTo(start);
    assertThat(FixedWindow.at(Instant.parse("2026-12-04T10:29:59.999Z"), TEN_MINUTES).start())
        .isEqualTo(start);
    assertThat(FixedWindow.at(Instant.parse("2026-12-04T10:30:00Z"), TEN_MINUTES).start())
        .isEqualTo(Instant.parse("2026-12-04T10:30:00Z"));
  }

  @Test
  void retryAfterIsWhatIsLeftOfTheWindow() {
    Instant now = Instant.parse("2026-12-04T10:27:30Z");
    FixedWindow w = FixedWindow.at(now, TEN_MINUTES);
    assertThat(w.end()).isEqualTo(Instant.parse("2026-12-04T10:30:00Z"));
    assertThat(w.retryAfter(now)).isEqualTo(Duration.ofSeconds(150));
    assertThat(w.retryAfter(Instant.parse("2026-12-04T10:31:00Z"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void describesWindowsInTheLargestWholeUnit() {
    assertThat(PostgresRateLimiter.describe(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(PostgresRateLimiter.describe(Duration.ofMinutes(15))).isEqualTo("15 minutes");
    assertThat(PostgresRateLimiter.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
  }
}
