package dev.marquee.transcode.internal.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.api.FrameGrab;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.transcode.internal.domain.ThumbnailLayout;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trick-play thumbnails show the master at their times, upright. */
class ThumbnailGrabberTest {
  @TempDir static Path folder;
  private static Path master;
  private static Path rotated;

  @BeforeAll
  static void makeMasters() throws Exception {
    master = folder.resolve("master.mp4");
    rotated = folder.resolve("rotated.mp4");
    SyntheticMaster upright = new SyntheticMaster(640, 360, 25, 9, false, List.of());
    upright.writeTo(master);
    upright.rotated(90).writeTo(rotated);
  }

  private static List<BufferedImage> grab(Path file, int w, int h, int rotation, double every) {
    List<BufferedImage> tiles = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    new ThumbnailGrabber(w, h, rotation)
        .grab(
            file.toString(),
            every,
            5,
            (tile, k) -> {
              tiles.add(tile);
              order.add(k);
            });
    assertThat(order).containsExactly(0, 1, 2, 3, 4);
    return tiles;
  }

  /** The picture at that time as another decoder (the artwork still) sees it, at tile size. */
  private static BufferedImage reference(double seconds) throws Exception {
    BufferedImage still =
        ImageIO.read(new ByteArrayInputStream(FrameGrab.jpeg(master, seconds, 256)));
    BufferedImage sized = new BufferedImage(256, 144, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = sized.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(still, 0, 0, 256, 144, null);
    g.dispose();
    return sized;
  }

  /** Mean absolute difference of the green channel, 0 to 255. */
  private static double difference(BufferedImage a, BufferedImage b) {
    assertThat(b.getWidth()).isEqualTo(a.getWidth());
    assertThat(b.getHeight()).isEqualTo(a.getHeight());
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        sum += Math.abs(((a.getRGB(x, y) >> 8) & 0xFF) - ((b.getRGB(x, y) >> 8) & 0xFF));
      }
    }
    return (double) sum / (a.getWidth() * a.getHeight());
  }

  @Test
  void eachThumbnailIsThePictureAtItsTimeAndNotItsNeighbours() throws Exception {
    List<BufferedImage> tiles = grab(master, 256, 144, 0, 2);

    for (int k = 0; k < tiles.size(); k++) {
      BufferedImage tile = tiles.get(k);
      assertThat(tile.getWidth()).isEqualTo(256);
      assertThat(tile.getHeight()).isEqualTo(144);
      double own = difference(tile, reference(2.0 * k));
      assertThat(own).as("thumbnail %d against the picture at %d s", k, 2 * k).isLessThan(8);
      if (k > 0) {
        assertThat(difference(tile, reference(2.0 * (k - 1))))
            .as("thumbnail %d against the picture 2 s earlier", k)
            .isGreaterThan(own * 3);
      }
    }
  }

  @Test
  void farApartThumbnailsAreFoundBySeekingAndPastTheEndRepeatTheLastPicture() throws Exception {
    // 0, 7, 14, 21, 28 s of a 9 s master: one seek ahead, then the last picture three times.
    List<BufferedImage> tiles = grab(master, 256, 144, 0, 7);

    assertThat(difference(tiles.get(1), reference(7))).isLessThan(8);
    assertThat(difference(tiles.get(2), tiles.get(4))).isZero();
    // The master's last picture (frame 224, at 8.96 s), as the grabber finds it at its own time.
    List<BufferedImage> atEnd = new ArrayList<>();
    new ThumbnailGrabber(256, 144, 0)
        .grab(master.toString(), 8.96, 2, (tile, k) -> atEnd.add(tile));
    assertThat(difference(tiles.get(2), atEnd.get(1))).isZero();
    assertThat(difference(tiles.get(2), tiles.get(1))).isGreaterThan(8);
  }

  @Test
  void aRotatedMastersThumbnailsAreUpright() {
    List<BufferedImage> stored = grab(master, 256, 144, 0, 2);
    List<BufferedImage> upright = grab(rotated, 144, 256, 90, 2);

    for (int k = 0; k < upright.size(); k++) {
      BufferedImage tile = upright.get(k);
      assertThat(tile.getWidth()).isEqualTo(144);
      assertThat(tile.getHeight()).isEqualTo(256);
      // Turned clockwise: the stored picture's left column is the upright picture's top row.
      BufferedImage turned = new BufferedImage(144, 256, BufferedImage.TYPE_3BYTE_BGR);
      BufferedImage s = stored.get(k);
      for (int y = 0; y < 144; y++) {
        for (int x = 0; x < 256; x++) {
          turned.setRGB(143 - y, x, s.getRGB(x, y));
        }
      }
      assertThat(difference(tile, turned)).as("thumbnail %d", k).isLessThan(4);
    }
  }

  /** The thumbnails two encode partitions take on their way, by index. */
  private static Map<Integer, BufferedImage> tapped(Path file, int w, int h, int rotation) {
    ThumbnailLayout layout = new ThumbnailLayout(w, h, 5, 5, 2000, 5);
    Map<Integer, BufferedImage> tiles = new TreeMap<>();
    Rung rung = new Rung("240p", 240, 400_000);
    ChunkEncoder encoder = new ChunkEncoder("ultrafast");
    // Runs of 75 and 150 frames: thumbnail 2 (frame 100) is in the middle of the second run's
    // first chunk, and the master's 225 frames end inside the second run's last chunk.
    for (List<ChunkSpec> run :
        List.of(
            List.of(new ChunkSpec(0, 0, 75, 25, 1, rotation)),
            List.of(
                new ChunkSpec(1, 75, 75, 25, 1, rotation),
                new ChunkSpec(2, 150, 75, 25, 1, rotation)))) {
      try (ThumbnailTap tap =
          new ThumbnailTap(layout, 25, 1, 224, rotation, (k, tile) -> tiles.put(k, tile))) {
        encoder.encode(file.toString(), run, List.of(rung), c -> List.of(rung), c -> {}, tap);
      }
    }
    return tiles;
  }

  private static int[] rgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    return image.getRGB(0, 0, w, h, null, 0, w);
  }

  @Test
  void theEncodePartitionsTakeTheGrabbersThumbnailsPixelForPixel() {
    List<BufferedImage> grabbed = grab(master, 256, 144, 0, 2);
    Map<Integer, BufferedImage> tapped = tapped(master, 256, 144, 0);
    List<BufferedImage> grabbedUpright = grab(rotated, 144, 256, 90, 2);
    Map<Integer, BufferedImage> tappedUpright = tapped(rotated, 144, 256, 90);

    assertThat(tapped.keySet()).containsExactly(0, 1, 2, 3, 4);
    assertThat(tappedUpright.keySet()).containsExactly(0, 1, 2, 3, 4);
    for (int k = 0; k < 5; k++) {
      assertThat(rgb(tapped.get(k))).as("thumbnail %d", k).isEqualTo(rgb(grabbed.get(k)));
      assertThat(rgb(tappedUpright.get(k)))
          .as("upright thumbnail %d", k)
          .isEqualTo(rgb(grabbedUpright.get(k)));
    }
    assertThat(difference(tapped.get(1), tapped.get(2))).isGreaterThan(8);
  }
}
