package dev.marquee.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  @Test
  void readsCountAndWindowInEachUnit() {
    assertThat(RateLimit.parse("a", "10/15m"))
        .isEqualTo(new RateLimit("a", 10, Duration.ofMinutes(15)));
    assertThat(RateLimit.parse("a", " 5 / 1H "))
        .isEqualTo(new RateLimit("a", 5, Duration.ofHours(1)));
    assertThat(RateLimit.parse("a", "60/30s").window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(RateLimit.parse("a", "1/1d").window()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void namesTheSettingThatIsNotOfTheForm() {
    assertThatThrownBy(() -> RateLimit.parse("sign-in", "ten per minute"))
        .hasMessageContaining("sign-in")
        .hasMessageContaining("N/window");
    assertThatThrownBy(() -> RateLimit.parse("sign-in", "0/1m")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> RateLimit.parse("sign-in", "5/2d")).hasMessageContaining("1 day");
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
    assertThat(ProblemException.seconds(Duration.ofMillis(1500))).isEqualTo(2);
    assertThat(ProblemException.seconds(Duration.ofSeconds(3))).isEqualTo(3);
    assertThat(ProblemException.seconds(Duration.ZERO)).isEqualTo(1);
  }

  @Test
  void tooManyRequestsCarriesRetryAfterAndTheGivenMembers() {
    var p =
        ProblemException.tooManyRequests(
            "rate-limited",
            "slow down",
            Duration.ofSeconds(42),
            java.util.Map.of("error", "temporarily_unavailable"));
    assertThat(p.status()).isEqualTo(429);
    assertThat(p.retryAfter()).contains(Duration.ofSeconds(42));
    assertThat(p.extensions())
        .containsEntry("retryAfterSeconds", 42L)
        .containsEntry("error", "temporarily_unavailable");
  }
}
