package dev.marquee.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoTitleTest {
  @Test
  void theSubtitleCuesOfTheThirtySecondMasterEndAtTenAndThirtySeconds() {
    assertThat(DemoTitle.cueTime(DemoTitle.MASTER_SECONDS * 1000L / 3)).isEqualTo("00:10.000");
    assertThat(DemoTitle.cueTime(DemoTitle.MASTER_SECONDS * 1000L)).isEqualTo("00:30.000");
  }

  @Test
  void cueTimesOfShortAndLongMastersAreWebVttTimes() {
    assertThat(DemoTitle.cueTime(4000 / 3)).isEqualTo("00:01.333");
    assertThat(DemoTitle.cueTime(754_250)).isEqualTo("12:34.250");
    assertThat(DemoTitle.cueTime(3_661_001)).isEqualTo("01:01:01.001");
  }

  @Test
  void aMasterShorterThanTwoSecondsIsRefused() {
    assertThatThrownBy(() -> new DemoTitle(Path.of("home"), "http://127.0.0.1:1", "a", "b", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 s or more");
  }
}
