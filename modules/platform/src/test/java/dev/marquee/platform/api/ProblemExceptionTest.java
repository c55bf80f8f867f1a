package dev.marquee.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemExceptionTest {
  @Test
  void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
    assertThat(ProblemException.seconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(ProblemException.seconds(Duration.ZERO)).isEqualTo(1);
    assertThat(ProblemException.seconds(Duration.ofMillis(2_001))).isEqualTo(3);
    assertThat(ProblemException.seconds(Duration.ofSeconds(60))).isEqualTo(60);
  }

  @Test
  void tooManyRequestsCarriesItsRetryAfterInTheHeaderAndTheBody() {
    ProblemException e =
        ProblemException.tooManyRequests(
            "sign-in-limited",
            "Too many attempts.",
            Duration.ofMillis(90_500),
            Map.of("error", "x"));

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofMillis(90_500));
    assertThat(e.extensions()).containsEntry("retryAfterSeconds", 91L).containsEntry("error", "x");
  }

  @Test
  void theCommonProblemsHaveTheirStatusAndNoRetryAfter() {
    assertThat(ProblemException.badRequest("t", "d").status()).isEqualTo(400);
    assertThat(ProblemException.forbidden("t", "d").status()).isEqualTo(403);
    assertThat(ProblemException.notFound("t", "d").status()).isEqualTo(404);
    assertThat(ProblemException.conflict("t", "d").status()).isEqualTo(409);
    assertThat(ProblemException.unavailable("t", "d", Duration.ofSeconds(5)).retryAfter())
        .contains(Duration.ofSeconds(5));
    assertThat(ProblemException.notFound("title-not-found", "No title 7").retryAfter()).isEmpty();
    assertThat(ProblemException.notFound("title-not-found", "No title 7").detail())
        .isEqualTo("No title 7");
  }
}
