package dev.marquee.catalog.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.catalog.internal.domain.RecommendationRepository.LastRun;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecommendationRunPolicyTest {
  static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  final RecommendationRunPolicy policy = new RecommendationRunPolicy(200, Duration.ofHours(24));

  @Test
  void startsOnceEnoughNewCompletionsArrived() {
    LastRun hourAgo = new LastRun(NOW.minusSeconds(3600), 1000);

    assertThat(policy.due(hourAgo, 1199, NOW)).isFalse();
    assertThat(policy.due(hourAgo, 1200, NOW)).isTrue();
  }

  @Test
  void startsADayLaterIfAnythingWasCompletedSince() {
    LastRun dayAgo = new LastRun(NOW.minus(Duration.ofHours(24)), 1000);

    assertThat(policy.due(dayAgo, 1001, NOW)).isTrue();
    assertThat(policy.due(dayAgo, 1000, NOW)).isFalse();
    assertThat(policy.due(dayAgo, 1001, NOW.minusSeconds(1))).isFalse();
  }

  @Test
  void theFirstRunWaitsForTheFirstCompletion() {
    LastRun never = new LastRun(null, 0);

    assertThat(policy.due(never, 0, NOW)).isFalse();
    assertThat(policy.due(never, 1, NOW)).isTrue();
  }
}
