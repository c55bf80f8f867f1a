package dev.marquee.playback.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewerRegionTest {
  @Test
  void theTrustedEdgesHeaderWinsInEveryMode() {
    assertThat(ViewerRegion.of(true, " gb ", "US")).isEqualTo("GB");
    assertThat(ViewerRegion.of(false, "gb", "US")).isEqualTo("GB");
  }

  @Test
  void inProductionTheAccountsOwnCountryNeverCountsSoTheRegionIsUnknown() {
    assertThat(ViewerRegion.of(true, null, "GB")).isEmpty();
    assertThat(ViewerRegion.of(true, "  ", "GB")).isEmpty();
  }

  @Test
  void inDevelopmentTheAccountsCountryStandsInForAMissingEdge() {
    assertThat(ViewerRegion.of(false, null, "ie")).isEqualTo("IE");
    assertThat(ViewerRegion.of(false, null, null)).isEmpty();
  }
}
