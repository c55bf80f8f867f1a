package dev.marquee.media.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A master stored sideways with a display rotation is probed and grabbed as a player shows it. */
class RotatedMasterTest {
  @TempDir Path folder;

  @ParameterizedTest
  @CsvSource({
    // rotation, the still's size, where the centre of the first picture's white square (stored
    // at 45,45) and a dark point of its gradient (stored at 300,5) end up when shown upright
    "0, 160, 90, 11, 11, 75, 1",
    "90, 160, 284, 139, 20, 157, 133",
    "180, 160, 90, 148, 78, 85, 88",
    "270, 160, 284, 20, 264, 2, 150"
  })
  void theProbeReportsTheRotationAndTheStillIsUpright(
      int rotation, int width, int height, int squareX, int squareY, int darkX, int darkY)
      throws Exception {
    Path master = folder.resolve("rotated-" + rotation + ".mp4");
    new SyntheticMaster(640, 360, 25, 1, false, List.of()).rotated(rotation).writeTo(master);

    MediaInfo.VideoTrack video = MediaProbe.probe(master).video().get(0);
    assertThat(video.rotationDegrees()).isEqualTo(rotation);
    assertThat(video.width()).as("stored width").isEqualTo(640);

    BufferedImage still = ImageIO.read(new ByteArrayInputStream(FrameGrab.jpeg(master, 0, width)));
    assertThat(still.getWidth()).isEqualTo(width);
    assertThat(still.getHeight()).isEqualTo(height);
    assertThat(brightness(still, squareX, squareY)).as("the white square").isGreaterThan(200);
    assertThat(brightness(still, darkX, darkY)).as("the dark point").isLessThan(100);
  }

  private static int brightness(BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y);
    return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
  }
}
