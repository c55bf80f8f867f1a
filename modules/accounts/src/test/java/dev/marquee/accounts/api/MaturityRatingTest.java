package dev.marquee.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaturityRatingTest {
  @Test
  void aCapPermitsItsOwnRatingAndEverythingMilder() {
    assertThat(MaturityRating.AGE_13.permits(MaturityRating.ALL)).isTrue();
    assertThat(MaturityRating.AGE_13.permits(MaturityRating.AGE_13)).isTrue();
    assertThat(MaturityRating.AGE_13.permits(MaturityRating.AGE_16)).isFalse();
  }

  @Test
  void labelsParseAsClientsWriteThem() {
    assertThat(MaturityRating.fromLabel("16+")).contains(MaturityRating.AGE_16);
    assertThat(MaturityRating.fromLabel("all")).contains(MaturityRating.ALL);
    assertThat(MaturityRating.fromLabel("PG-13")).isEmpty();
  }
}
