package dev.marquee.ingest.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.api.ProblemException;
import org.junit.jupiter.api.Test;

class WebVttConverterTest {
  @Test
  void srtBecomesWebVtt() {
    String srt =
        "\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nBonsoir.\r\n\r\n2\r\n00:00:03,000 --> 00:01:04,250\r\nLe train part.\r\nVite !\r\n";
    var cues = WebVttConverter.parse(srt);
    assertThat(cues).hasSize(2);
    assertThat(WebVttConverter.toWebVtt(cues))
        .isEqualTo(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nBonsoir.\n\n00:00:03.000 --> 00:01:04.250\nLe train part.\nVite !\n\n");
  }

  @Test
  void webVttKeepsCueSettingsAndSkipsNotes() {
    String vtt =
        "WEBVTT\n\nNOTE made by hand\n\nintro\n00:01.000 --> 00:02.000 align:start\nHello\n";
    var cues = WebVttConverter.parse(vtt);
    assertThat(cues)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.startMillis()).isEqualTo(1000);
              assertThat(c.settings()).isEqualTo("align:start");
            });
  }

  @Test
  void problemsNameTheLine() {
    assertThatThrownBy(() -> WebVttConverter.parse("1\n00:00:05,000 --> 00:00:04,000\nBackwards\n"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> WebVttConverter.parse("1\nnot a timing\nText\n"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> WebVttConverter.parse("")).hasMessageContaining("no cues");
    assertThatThrownBy(() -> WebVttConverter.parse("1\n00:00:01,000 --> 00:00:02,000\n\n"))
        .hasMessageContaining("no text");
  }
}
