package dev.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void drawsTheShareDoneAndTheCounts() {
    assertThat(ProgressBar.render("720p", 3, 12, 8, "")).isEqualTo("720p   [##------]  25%  3/12");
    assertThat(ProgressBar.render("upload", 5 * 1024 * 1024, 20 * 1024 * 1024, 4, "bytes"))
        .isEqualTo("upload [#---]  25%  5.0 MiB / 20.0 MiB");
    assertThat(ProgressBar.render("240p", 0, 0, 4, "")).isEqualTo("240p   [----]   0%  0/0");
    assertThat(ProgressBar.render("240p", 9, 4, 4, "")).isEqualTo("240p   [####] 100%  4/4");
    assertThat(ProgressBar.bytes(512)).isEqualTo("512 B");
    assertThat(ProgressBar.bytes(1536)).isEqualTo("1.5 KiB");
  }
}
