package dev.marquee.media.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.media.testing.SyntheticMaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProbeTest {
  @TempDir Path folder;

  private Path master(double seconds, List<String> languages) throws IOException {
    Path file = folder.resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, seconds, false, languages).writeTo(file);
    return file;
  }

  @Test
  void probesContainerDurationAndEveryStream() throws Exception {
    MediaInfo info = MediaProbe.probe(master(3, List.of("eng", "fra")));
    assertThat(info.container()).contains("mp4");
    assertThat(info.durationSeconds()).isBetween(2.9, 3.2);
    assertThat(info.video())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.codec()).isEqualTo("h264");
              assertThat(v.width()).isEqualTo(320);
              assertThat(v.height()).isEqualTo(180);
              assertThat(v.frameRate()).isEqualTo(25.0);
              assertThat(v.frames()).isEqualTo(75);
              assertThat(v.rotationDegrees()).isZero();
            });
    assertThat(info.audio())
        .extracting(MediaInfo.AudioTrack::language)
        .containsExactly("eng", "fra");
    assertThat(info.audio())
        .allSatisfy(
            a -> {
              assertThat(a.codec()).isEqualTo("aac");
              assertThat(a.channels()).isEqualTo(2);
              assertThat(a.sampleRate()).isEqualTo(48_000);
            });
    assertThat(info.subtitles()).isEmpty();
  }

  @Test
  void aFileThatIsNotMediaIsNamedSo() throws Exception {
    Path text =
        Files.writeString(
            folder.resolve("notes.mp4"), "these are not moving pictures\n".repeat(100));
    assertThatThrownBy(() -> MediaProbe.probe(text))
        .isInstanceOf(MediaProbeException.class)
        .extracting(e -> ((MediaProbeException) e).reason())
        .isEqualTo(MediaProbeException.Reason.NOT_MEDIA);
    Path empty = Files.createFile(folder.resolve("empty.mp4"));
    assertThatThrownBy(() -> MediaProbe.probe(empty)).hasMessageContaining("empty");
  }

  @Test
  void aTruncatedMasterIsCaught() throws Exception {
    Path whole = master(4, List.of("eng"));
    byte[] bytes = Files.readAllBytes(whole);
    // Keep the start: with the index at the end (MP4 default), the cut file has no index at all.
    Path cut = Files.write(folder.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> MediaProbe.probe(cut))
        .isInstanceOf(MediaProbeException.class)
        .extracting(e -> ((MediaProbeException) e).reason())
        .isEqualTo(MediaProbeException.Reason.CORRUPT);
  }

  @Test
  void reportsTheCodecOfOtherMasters() throws Exception {
    Path jpeg = folder.resolve("master.mov");
    new SyntheticMaster(160, 90, 10, 1, false, List.of(), "mjpeg").writeTo(jpeg);
    MediaInfo info = MediaProbe.probe(jpeg);
    assertThat(info.video())
        .singleElement()
        .extracting(MediaInfo.VideoTrack::codec)
        .isEqualTo("mjpeg");
    assertThat(info.audio()).isEmpty();
  }
}
