package dev.marquee.transcode.internal.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbe;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure-Java engine is held to the libx264 engine's checks on the rungs it serves: one closed
 * GOP per chunk starting with an IDR picture, chunks that join into one stream with every frame
 * once, the same bytes on every run, and a bitrate near the rung's.
 */
class JcodecEngineTest {
  private static final int FPS = 25;
  private static final int CHUNK_FRAMES = 2 * FPS;
  @TempDir static Path folder;
  private static Path master;
  private final ChunkEncoder encoder = new ChunkEncoder(VideoEngine.JCODEC, "unused");

  @BeforeAll
  static void makeMaster() throws Exception {
    master = folder.resolve("master.mp4");
    new SyntheticMaster(640, 360, FPS, 6, false, List.of()).writeTo(master);
  }

  private EncodedChunk chunk(int index, Rung rung) {
    return encoder.encode(
        master.toString(),
        new ChunkSpec(index, (long) index * CHUNK_FRAMES, CHUNK_FRAMES, FPS, 1),
        rung);
  }

  @Test
  void chunksAreClosedGopsOfBaselineH264ThatJoinFrameExact() throws Exception {
    Rung rung = new Rung("240p", 240, 400_000);
    List<EncodedChunk> chunks = new java.util.ArrayList<>();
    long bytes = 0;
    for (int index = 0; index < 3; index++) {
      EncodedChunk chunk = chunk(index, rung);
      assertThat(chunk.width()).isEqualTo(426);
      assertThat(chunk.samples()).hasSize(CHUNK_FRAMES);
      assertThat(chunk.samples().get(0).sync()).isTrue();
      assertThat(chunk.samples().stream().filter(CmafSample::sync)).hasSize(1);
      // Constrained Baseline: no B-frames, so every composition offset is 0.
      assertThat(chunk.avc().codecs()).startsWith("avc1.42");
      assertThat(chunk.samples()).allSatisfy(s -> assertThat(s.compositionOffset()).isZero());
      chunks.add(chunk);
      bytes += chunk.samples().stream().mapToLong(s -> s.data().length).sum();
    }
    Path packaged =
        Files.write(folder.resolve("jcodec-240p.mp4"), ChunkEncoderTest.packaged(chunks));
    MediaInfo.VideoTrack video = MediaProbe.probe(packaged).video().get(0);
    assertThat(video.width()).isEqualTo(426);
    assertThat(video.height()).isEqualTo(240);
    assertThat(video.frames()).isEqualTo(3 * CHUNK_FRAMES);
    assertThat(video.keyframeSeconds()).containsExactly(0.0, 2.0, 4.0);
    double bitrate = bytes * 8.0 / 6;
    assertThat(bitrate).as("bits per second").isBetween(400_000 * 0.5, 400_000 * 1.5);
  }

  @Test
  void theSameChunkEncodesToTheSameBytesEveryTime() {
    Rung rung = new Rung("360p", 360, 800_000);
    EncodedChunk once = chunk(1, rung);
    EncodedChunk again = chunk(1, rung);
    for (int i = 0; i < CHUNK_FRAMES; i++) {
      assertThat(again.samples().get(i).data()).isEqualTo(once.samples().get(i).data());
    }
  }
}
