package dev.marquee.transcode.internal.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbe;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.transcode.internal.cmaf.CmafWriter;
import dev.marquee.transcode.internal.cmaf.TrackFormat;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioEncoderTest {
  @TempDir Path folder;

  @Test
  void eachTrackIsEncodedOnceAndSegmentedAlongTheVideoChunks() throws Exception {
    Path master = folder.resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 5, false, List.of("eng", "fra")).writeTo(master);
    EncodedAudio french = new AudioEncoder(128_000).encode(master.toString(), 2);
    assertThat(french.sampleRate()).isEqualTo(48_000);
    long samples = french.frames().stream().mapToLong(f -> f.duration()).sum();
    assertThat(samples).isBetween(5L * 48_000, 5L * 48_000 + 2 * 1024);

    List<AudioSegmenter.AudioSegment> segments =
        AudioSegmenter.split(french.frames(), 2.0, 48_000, 5.0);
    assertThat(segments).hasSize(3);
    for (int i = 0; i < 2; i++) {
      assertThat(segments.get(i).duration())
          .isCloseTo(96_000, org.assertj.core.data.Offset.offset(1024));
      assertThat(segments.get(i + 1).baseDecodeTime())
          .isEqualTo(segments.get(i).baseDecodeTime() + segments.get(i).duration());
    }

    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    joined.writeBytes(
        CmafWriter.initSegment(
            new TrackFormat.Audio(2, 48_000, french.audioSpecificConfig(), "fra"), 1));
    for (int i = 0; i < segments.size(); i++) {
      joined.writeBytes(
          CmafWriter.mediaSegment(
              i + 1, 1, segments.get(i).baseDecodeTime(), segments.get(i).frames()));
    }
    Path stream = Files.write(folder.resolve("audio.mp4"), joined.toByteArray());
    MediaInfo info = MediaProbe.probe(stream);
    assertThat(info.video()).isEmpty();
    MediaInfo.AudioTrack track = info.audio().get(0);
    assertThat(track.codec()).isEqualTo("aac");
    assertThat(track.channels()).isEqualTo(2);
    assertThat(track.sampleRate()).isEqualTo(48_000);
    assertThat(track.language()).isEqualTo("fra");
    assertThat(info.durationSeconds()).isBetween(4.99, 5.05);
    assertThat(new TrackFormat.Audio(2, 48_000, french.audioSpecificConfig(), "fra").codecs())
        .isEqualTo("mp4a.40.2");
  }

  @Test
  void paddingPastTheEndOfTheVideoMakesNoExtraSegment() {
    java.util.List<dev.marquee.transcode.internal.cmaf.CmafSample> frames =
        new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      frames.add(new dev.marquee.transcode.internal.cmaf.CmafSample(new byte[] {1}, 1024, 0, true));
    }
    // 30 frames of 1,024 samples at 8 kHz = 3.84 s; the video lasts 2 s, with 1 s segments.
    var segments = AudioSegmenter.split(frames, 1.0, 8_000, 2.0);
    assertThat(segments).hasSize(2);
    assertThat(segments.get(1).baseDecodeTime() + segments.get(1).duration())
        .isLessThan(2 * 8_000 + 1024);
  }
}
