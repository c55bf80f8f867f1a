package dev.marquee.transcode.internal.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.api.FrameGrab;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbe;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import dev.marquee.transcode.internal.cmaf.CmafWriter;
import dev.marquee.transcode.internal.cmaf.TrackFormat;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks encoded apart and packaged as CMAF join into one stream FFmpeg reads frame-exact. */
class ChunkEncoderTest {
  private static final int FPS = 25;
  private static final int CHUNK_FRAMES = 2 * FPS;
  @TempDir static Path folder;
  private static Path master;
  private final ChunkEncoder encoder = new ChunkEncoder("ultrafast");
  private final Rung rung = new Rung("240p", 240, 400_000);

  @BeforeAll
  static void makeMaster() throws Exception {
    master = folder.resolve("master.mp4");
    new SyntheticMaster(640, 360, FPS, 5, false, List.of()).writeTo(master);
  }

  private EncodedChunk chunk(int index, int frames) {
    return encoder.encode(
        master.toString(), new ChunkSpec(index, (long) index * CHUNK_FRAMES, frames, FPS, 1), rung);
  }

  @Test
  void aChunkIsOneClosedGopStartingWithAnIdrFrame() {
    EncodedChunk chunk = chunk(1, CHUNK_FRAMES);
    assertThat(chunk.width()).isEqualTo(426);
    assertThat(chunk.height()).isEqualTo(240);
    assertThat(chunk.samples()).hasSize(CHUNK_FRAMES);
    assertThat(chunk.samples().get(0).sync()).isTrue();
    assertThat(chunk.samples().stream().filter(CmafSample::sync)).hasSize(1);
    // The first sample is an IDR slice (NAL type 5) after its 4-byte length.
    byte[] first = chunk.samples().get(0).data();
    assertThat(
            java.util.stream.IntStream.iterate(
                    0, i -> i < first.length, i -> i + 4 + length(first, i))
                .map(i -> first[i + 4] & 0x1F))
        .contains(5);
    // ultrafast leaves out High-profile tools, so x264 signals the profile it really used.
    assertThat(chunk.avc().codecs()).matches("avc1\\.(42|4d|64)[0-9a-f]{4}");
  }

  @Test
  void theSameChunkEncodesToTheSameBytesEveryTime() {
    // A resumed job re-encodes only unfinished chunks and must match an uninterrupted run.
    for (int index = 0; index < 2; index++) {
      EncodedChunk once = chunk(index, CHUNK_FRAMES);
      for (int run = 0; run < 3; run++) {
        EncodedChunk again = chunk(index, CHUNK_FRAMES);
        assertThat(again.samples()).hasSize(CHUNK_FRAMES).hasSameSizeAs(once.samples());
        for (int i = 0; i < once.samples().size(); i++) {
          assertThat(again.samples().get(i).data())
              .as("chunk %d, run %d, sample %d", index, run, i)
              .isEqualTo(once.samples().get(i).data());
        }
      }
    }
  }

  @Test
  void aRungEncodedAloneGetsThePixelsTheWholeLadderGaveIt() {
    // 144p is scaled from 240p (at least 1.5 times as tall), 240p from the master: a restarted
    // chunk that encodes 144p alone still scales it through 240p, and gets the same bytes.
    Rung lower = new Rung("144p", 144, 200_000);
    ChunkSpec spec = new ChunkSpec(1, CHUNK_FRAMES, CHUNK_FRAMES, FPS, 1);
    List<Rung> ladder = List.of(lower, rung);
    List<EncodedChunk> together = encoder.encode(master.toString(), spec, ladder);
    List<EncodedChunk> apart =
        List.of(
            encoder.encode(master.toString(), spec, ladder, List.of(lower)).get(0),
            encoder.encode(master.toString(), spec, ladder, List.of(rung)).get(0));
    for (int r = 0; r < 2; r++) {
      assertThat(together.get(r).height()).isEqualTo(apart.get(r).height());
      for (int i = 0; i < CHUNK_FRAMES; i++) {
        assertThat(together.get(r).samples().get(i).data())
            .as("rung %d, sample %d", r, i)
            .isEqualTo(apart.get(r).samples().get(i).data());
      }
    }
    // Scaled straight from the master instead, 144p would be other pixels.
    EncodedChunk direct = encoder.encode(master.toString(), spec, lower);
    assertThat(direct.samples().get(0).data())
        .isNotEqualTo(together.get(0).samples().get(0).data());
  }

  @Test
  void aRunOfChunksDecodedInOnePassGivesWhatEachChunkAloneGives() {
    // A partition decodes its run of chunks in one pass; a restarted job may encode one of them
    // alone, from a seek. Both must give the same bytes.
    List<ChunkSpec> run =
        List.of(
            new ChunkSpec(0, 0, CHUNK_FRAMES, FPS, 1),
            new ChunkSpec(1, CHUNK_FRAMES, CHUNK_FRAMES, FPS, 1),
            new ChunkSpec(2, 2 * CHUNK_FRAMES, 5 * FPS - 2 * CHUNK_FRAMES, FPS, 1));
    List<EncodedChunk> inOnePass = new java.util.ArrayList<>();
    encoder.encode(master.toString(), run, List.of(rung), c -> List.of(rung), inOnePass::addAll);
    assertThat(inOnePass).extracting(c -> c.chunk().index()).containsExactly(0, 1, 2);
    for (int c = 0; c < run.size(); c++) {
      EncodedChunk alone = encoder.encode(master.toString(), run.get(c), rung);
      assertThat(inOnePass.get(c).samples()).hasSize(run.get(c).frameCount());
      assertThat(alone.samples()).hasSize(run.get(c).frameCount());
      for (int i = 0; i < alone.samples().size(); i++) {
        assertThat(inOnePass.get(c).samples().get(i).data())
            .as("chunk %d, sample %d", c, i)
            .isEqualTo(alone.samples().get(i).data());
      }
    }
  }

  @Test
  void aRestartedRunDecodesItsDoneChunksAndEncodesOnlyWhatIsLeft() {
    List<ChunkSpec> run =
        List.of(
            new ChunkSpec(0, 0, CHUNK_FRAMES, FPS, 1),
            new ChunkSpec(1, CHUNK_FRAMES, CHUNK_FRAMES, FPS, 1));
    List<EncodedChunk> whole = new java.util.ArrayList<>();
    encoder.encode(master.toString(), run, List.of(rung), c -> List.of(rung), whole::addAll);
    List<EncodedChunk> left = new java.util.ArrayList<>();
    encoder.encode(
        master.toString(),
        run,
        List.of(rung),
        c -> c.index() == 1 ? List.of(rung) : List.of(),
        left::addAll);
    assertThat(left).extracting(c -> c.chunk().index()).containsExactly(1);
    for (int i = 0; i < CHUNK_FRAMES; i++) {
      assertThat(left.get(0).samples().get(i).data())
          .isEqualTo(whole.get(1).samples().get(i).data());
    }
  }

  @Test
  void chunksOfARunMustFollowEachOther() {
    List<ChunkSpec> gap =
        List.of(
            new ChunkSpec(0, 0, CHUNK_FRAMES, FPS, 1),
            new ChunkSpec(2, 2 * CHUNK_FRAMES, CHUNK_FRAMES, FPS, 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                encoder.encode(master.toString(), gap, List.of(rung), c -> List.of(rung), c -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("follow each other");
  }

  @Test
  void aMatroskaMasterGivesTheSameChunkAsTheMp4One() throws Exception {
    // MP4 headers give the video's size and start, so chunks skip FFmpeg's stream probing;
    // Matroska's do not, and the chunk is probed first. Both decode to the same pictures.
    Path matroska = folder.resolve("master.mkv");
    new SyntheticMaster(640, 360, FPS, 5, false, List.of()).writeTo(matroska);
    ChunkSpec spec = new ChunkSpec(1, CHUNK_FRAMES, CHUNK_FRAMES, FPS, 1);
    EncodedChunk fromMp4 = encoder.encode(master.toString(), spec, rung);
    EncodedChunk fromMatroska = encoder.encode(matroska.toString(), spec, rung);
    assertThat(fromMatroska.samples()).hasSize(CHUNK_FRAMES);
    for (int i = 0; i < CHUNK_FRAMES; i++) {
      assertThat(fromMatroska.samples().get(i).data())
          .as("sample %d", i)
          .isEqualTo(fromMp4.samples().get(i).data());
    }
  }

  @Test
  void packagedChunksPlayBackAsOneStreamWithEveryFrameOnce() throws Exception {
    int[] frames = {CHUNK_FRAMES, CHUNK_FRAMES, 5 * FPS - 2 * CHUNK_FRAMES};
    List<EncodedChunk> chunks = new java.util.ArrayList<>();
    for (int index = 0; index < frames.length; index++) {
      chunks.add(chunk(index, frames[index]));
    }
    Path packaged = Files.write(folder.resolve("packaged.mp4"), packaged(chunks));

    MediaInfo info = MediaProbe.probe(packaged);
    MediaInfo.VideoTrack video = info.video().get(0);
    assertThat(video.codec()).isEqualTo("h264");
    assertThat(video.width()).isEqualTo(426);
    assertThat(video.height()).isEqualTo(240);
    assertThat(video.frames()).isEqualTo(5 * FPS);
    assertThat(video.keyframeSeconds()).containsExactly(0.0, 2.0, 4.0);
    assertThat(info.durationSeconds()).isBetween(4.96, 5.04);
  }

  @Test
  void aRotatedMasterIsEncodedUpright() throws Exception {
    // A phone's portrait video: landscape pixels, and a display matrix saying "turn 90 degrees".
    Path portrait = folder.resolve("portrait.mp4");
    new SyntheticMaster(640, 360, FPS, 2, false, List.of()).rotated(90).writeTo(portrait);
    ChunkSpec spec = new ChunkSpec(0, 0, CHUNK_FRAMES, FPS, 1, 90);
    EncodedChunk chunk = encoder.encode(portrait.toString(), spec, rung);
    // Shown 360x640, the 240p rung is named by its short side: 240x426.
    assertThat(chunk.width()).isEqualTo(240);
    assertThat(chunk.height()).isEqualTo(426);

    Path packaged = Files.write(folder.resolve("portrait-240p.mp4"), packaged(List.of(chunk)));
    MediaInfo.VideoTrack video = MediaProbe.probe(packaged).video().get(0);
    assertThat(video.width()).isEqualTo(240);
    assertThat(video.height()).isEqualTo(426);
    assertThat(video.rotationDegrees()).isZero();

    // The master's first picture has a white square in its stored top-left corner; turned a
    // quarter clockwise, that corner is the top right.
    java.awt.image.BufferedImage still =
        javax.imageio.ImageIO.read(
            new java.io.ByteArrayInputStream(FrameGrab.jpeg(packaged, 0, 240)));
    assertThat(brightness(still, 234, 5)).as("top right").isGreaterThan(200);
    assertThat(brightness(still, 5, 5)).as("top left").isLessThan(150);
    // A dark point of the stored gradient (300, 5) is shown at (236, 200).
    assertThat(brightness(still, 236, 200)).as("dark point").isLessThan(100);
  }

  private static int brightness(java.awt.image.BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y);
    return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
  }

  /** Chunks as one fragmented MP4 at 25 fps: an init segment, then a media segment per chunk. */
  static byte[] packaged(List<EncodedChunk> chunks) {
    int frameDuration = 1000; // timescale 25,000
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    EncodedChunk first = chunks.get(0);
    stream.writeBytes(
        CmafWriter.initSegment(
            new TrackFormat.Video(first.width(), first.height(), FPS * frameDuration, first.avc()),
            1));
    long decodeTime = 0;
    for (int index = 0; index < chunks.size(); index++) {
      List<CmafSample> samples =
          chunks.get(index).samples().stream()
              .map(
                  s ->
                      new CmafSample(
                          s.data(),
                          s.duration() * frameDuration,
                          s.compositionOffset() * frameDuration,
                          s.sync()))
              .toList();
      stream.writeBytes(CmafWriter.mediaSegment(index + 1, 1, decodeTime, samples));
      decodeTime += (long) samples.size() * frameDuration;
    }
    return stream.toByteArray();
  }

  private static int length(byte[] data, int at) {
    return ((data[at] & 0xFF) << 24)
        | ((data[at + 1] & 0xFF) << 16)
        | ((data[at + 2] & 0xFF) << 8)
        | (data[at + 3] & 0xFF);
  }
}
