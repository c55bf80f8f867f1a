package dev.marquee.ingest.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.media.api.MediaInfo;
import dev.marquee.platform.api.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterRulesTest {
  private static MediaInfo media(String codec, double seconds, long frames) {
    return new MediaInfo(
        "mov,mp4",
        seconds,
        1000,
        List.of(new MediaInfo.VideoTrack(0, codec, 1920, 1080, 25, 0, frames, List.of(0.0))),
        List.of(),
        List.of());
  }

  private static void assertRejected(MediaInfo media, String type) {
    assertThatThrownBy(() -> MasterRules.check(media))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              assertThat(((ProblemException) e).type()).isEqualTo(type);
              assertThat(((ProblemException) e).status()).isEqualTo(422);
            });
  }

  @Test
  void acceptsAnH264Master() {
    assertThatCode(() -> MasterRules.check(media("h264", 60, 1500))).doesNotThrowAnyException();
  }

  @Test
  void refusesWhatTheTranscoderCannotUse() {
    assertRejected(media("mjpeg", 60, 1500), "unsupported-codec");
    assertRejected(media("h264", 0, 0), "zero-duration");
    assertRejected(
        new MediaInfo(
            "mp3",
            60,
            1000,
            List.of(),
            List.of(new MediaInfo.AudioTrack(0, "mp3", 2, 44100, "eng")),
            List.of()),
        "not-a-video");
  }

  @Test
  void aContainerThatIsNotAcceptedIsNamedWithTheAcceptedOnes() {
    ProblemException problem =
        MasterRules.rejected(
            new dev.marquee.media.api.UnsupportedContainerException(
                "mpegts", dev.marquee.media.api.AcceptedContainers.MASTERS));
    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.type()).isEqualTo("unsupported-container");
    assertThat(problem.extensions()).containsEntry("container", "mpegts");
    assertThat(problem.extensions()).containsEntry("accepted", List.of("mov", "matroska", "mxf"));
    assertThat(problem.detail()).contains("mpegts").contains("Matroska");
  }
}
