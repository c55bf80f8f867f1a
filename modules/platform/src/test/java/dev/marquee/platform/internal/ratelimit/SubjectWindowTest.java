package dev.marquee.platform.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubjectWindowTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void aWindowEndsItsLengthAfterTheSubjectsFirstHitWhateverTheClockSays() {
    Instant firstHit = Instant.parse("2026-12-04T10:29:59.500Z");
    SubjectWindow w = new SubjectWindow(firstHit, TEN_MINUTES);
    assertThat(w.end()).isEqualTo(Instant.parse("2026-12-04T10:39:59.500Z"));
    // Not ended by the round half hour: an epoch-aligned window would have ended there.
    assertThat(w.start())
        .isAfter(SubjectWindow.endedBy(Instant.parse("2026-12-04T10:30:01Z"), TEN_MINUTES));
    assertThat(w.start()).isEqualTo(SubjectWindow.endedBy(w.end(), TEN_MINUTES));
  }

  @Test
  void retryAfterIsWhatIsLeftOfTheWindow() {
    SubjectWindow w = new SubjectWindow(Instant.parse("2026-12-04T10:20:00Z"), TEN_MINUTES);
    assertThat(w.retryAfter(Instant.parse("2026-12-04T10:27:30Z")))
        .isEqualTo(Duration.ofSeconds(150));
    assertThat(w.retryAfter(Instant.parse("2026-12-04T10:31:00Z"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void describesWindowsInTheLargestWholeUnit() {
    assertThat(PostgresRateLimiter.describe(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(PostgresRateLimiter.describe(Duration.ofMinutes(15))).isEqualTo("15 minutes");
    assertThat(PostgresRateLimiter.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
  }
}
