package dev.marquee.playback.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A position in the last 5 % of a title marks it watched: at most 5 minutes, at least 0.5 s. */
class WatchedRuleTest {
  @Test
  void theLastTwentiethOfATitleCountsAsItsEnd() {
    assertThat(PositionService.watchedWithin(30_000)).isEqualTo(1_500);
    assertThat(PositionService.watchedWithin(40 * 60_000)).isEqualTo(2 * 60_000);
  }

  @Test
  void aFeatureFilmsCreditsCountForAtMostFiveMinutes() {
    assertThat(PositionService.watchedWithin(2 * 3_600_000)).isEqualTo(5 * 60_000);
  }

  @Test
  void aVeryShortClipStillHasHalfASecondOfEnd() {
    assertThat(PositionService.watchedWithin(2_000)).isEqualTo(500);
  }
}
