package dev.marquee.transcode.internal.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.transcode.internal.domain.ThumbnailLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thumbnails drawn into full-size JPEG sheets, in order; a short last sheet is partly black. */
class ThumbnailSheetsTest {
  @TempDir Path folder;

  @Test
  void thirtyThumbnailsMakeAFullSheetAndOneWithFivePictures() throws Exception {
    Path master = folder.resolve("master.mp4");
    new SyntheticMaster(640, 360, 25, 3, false, List.of()).writeTo(master);
    // A picture every 100 ms of a 3 s master: 30 thumbnails, 25 on the first sheet, 5 on the next.
    ThumbnailLayout layout = ThumbnailLayout.of(640, 360, 3, 100);
    assertThat(layout.count()).isEqualTo(30);
    List<Integer> order = new ArrayList<>();
    List<BufferedImage> sheets = new ArrayList<>();

    new ThumbnailSheets(layout, 0)
        .make(
            master.toString(),
            (n, jpeg) -> {
              order.add(n);
              sheets.add(ImageIO.read(new ByteArrayInputStream(jpeg)));
            });

    assertThat(order).containsExactly(0, 1);
    for (BufferedImage sheet : sheets) {
      assertThat(sheet.getWidth()).isEqualTo(5 * 256);
      assertThat(sheet.getHeight()).isEqualTo(5 * 144);
    }
    // Every tile of the first sheet is a picture (the synthetic master is never black)...
    for (int k = 0; k < 25; k++) {
      assertThat(brightness(sheets.get(0), layout.x(k), layout.y(k)))
          .as("tile %d", k)
          .isGreaterThan(20);
    }
    // ...the second has the first row drawn, the rest of its grid left black.
    for (int k = 25; k < 30; k++) {
      assertThat(brightness(sheets.get(1), layout.x(k), layout.y(k)))
          .as("tile %d", k)
          .isGreaterThan(20);
    }
    for (int k = 30; k < 50; k++) {
      assertThat(brightness(sheets.get(1), layout.x(k), layout.y(k)))
          .as("tile %d", k)
          .isLessThan(8);
    }
  }

  @Test
  void sheetsDrawnFromStoredThumbnailsAreTheBytesOfSheetsDrawnFromTheMaster() throws Exception {
    Path master = folder.resolve("master.mp4");
    new SyntheticMaster(640, 360, 25, 3, false, List.of()).writeTo(master);
    ThumbnailLayout layout = ThumbnailLayout.of(640, 360, 3, 200);
    ThumbnailSheets sheets = new ThumbnailSheets(layout, 0);
    List<byte[]> fromMaster = new ArrayList<>();
    sheets.make(master.toString(), (n, jpeg) -> fromMaster.add(jpeg));
    // The thumbnails as the encode partitions store them: PNG, read back.
    List<byte[]> stored = new ArrayList<>();
    new ThumbnailGrabber(256, 144, 0)
        .grab(
            master.toString(),
            0.2,
            layout.count(),
            (tile, k) -> {
              try {
                stored.add(ThumbnailSheets.png(tile));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });

    List<byte[]> fromTiles = new ArrayList<>();
    sheets.draw(
        k -> {
          try {
            return ImageIO.read(new ByteArrayInputStream(stored.get(k)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        (n, jpeg) -> fromTiles.add(jpeg));

    assertThat(fromTiles).hasSameSizeAs(fromMaster).hasSize(1);
    assertThat(fromTiles.get(0)).isEqualTo(fromMaster.get(0));
  }

  private static int brightness(BufferedImage sheet, int left, int top) {
    long sum = 0;
    int n = 0;
    for (int y = top + 8; y < top + 136; y += 8) {
      for (int x = left + 8; x < left + 248; x += 8) {
        int rgb = sheet.getRGB(x, y);
        sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        n += 3;
      }
    }
    return (int) (sum / n);
  }
}
