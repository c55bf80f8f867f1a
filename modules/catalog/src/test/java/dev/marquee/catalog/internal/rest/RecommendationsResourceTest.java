package dev.marquee.catalog.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.marquee.platform.api.ProblemException;
import org.junit.jupiter.api.Test;

/** The list's size: 20 unless asked, 1 to 50, anything else a problem naming it. */
class RecommendationsResourceTest {
  @Test
  void limitDefaultsToTwentyAndTakesOneToFifty() {
    assertThat(RecommendationsResource.limit(null)).isEqualTo(20);
    assertThat(RecommendationsResource.limit(" ")).isEqualTo(20);
    assertThat(RecommendationsResource.limit("1")).isEqualTo(1);
    assertThat(RecommendationsResource.limit(" 50 ")).isEqualTo(50);
  }

  @Test
  void otherLimitsAreProblems() {
    assertProblem("0", "invalid-parameter");
    assertProblem("-3", "invalid-parameter");
    assertProblem("ten", "invalid-parameter");
    assertProblem("51", "page-too-large");
  }

  private static void assertProblem(String limit, String type) {
    ProblemException p =
        catchThrowableOfType(() -> RecommendationsResource.limit(limit), ProblemException.class);
    assertThat(p).as("limit=" + limit).isNotNull();
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.type()).isEqualTo(type);
    assertThat(p.detail()).contains("limit");
  }
}
