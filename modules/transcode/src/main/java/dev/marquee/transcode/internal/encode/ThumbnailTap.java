package dev.marquee.transcode.internal.encode;

import dev.marquee.transcode.internal.domain.ThumbnailLayout;
import java.awt.image.BufferedImage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Takes the trick-play thumbnails from the pictures an encode partition decodes anyway, so that the
 * master is not decoded a second time for them: thumbnail {@code k} is the picture that stands for
 * output frame {@link ThumbnailLayout#frameOf} (past the master's last frame, the last one), scaled
 * as the {@link ThumbnailGrabber} scales it. Thumbnails are an aid, not the title: a picture that
 * cannot be made into one is logged and left out (the sheets step then decodes the master for
 * them), and the encode goes on.
 */
public final class ThumbnailTap implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ThumbnailTap.class.getName());

  /** Receives thumbnail {@code k}. */
  @FunctionalInterface
  public interface Sink {
    void tile(int k, BufferedImage tile) throws Exception;
  }

  private final ThumbnailLayout layout;
  private final int fpsNum;
  private final int fpsDen;
  private final long lastFrame;
  private final int rotationDegrees;
  private final Sink sink;
  private ThumbnailScaler scaler;
  private boolean failed;

  /**
   * @param lastFrame the master's last output frame (its frame count minus one)
   * @param rotationDegrees the master's display rotation, which the thumbnails are turned by
   */
  public ThumbnailTap(
      ThumbnailLayout layout,
      int fpsNum,
      int fpsDen,
      long lastFrame,
      int rotationDegrees,
      Sink sink) {
    this.layout = layout;
    this.fpsNum = fpsNum;
    this.fpsDen = fpsDen;
    this.lastFrame = lastFrame;
    this.rotationDegrees = rotationDegrees;
    this.sink = sink;
  }

  /** The decoded picture stands for output frames {@code first} to {@code last}. */
  void picture(AVFrame decoded, long first, long last) {
    if (failed) {
      return;
    }
    try {
      for (int k = layout.firstFrom(first, fpsNum, fpsDen);
          k < layout.count() && frameOf(k) <= last;
          k++) {
        if (scaler == null) {
          scaler = new ThumbnailScaler(layout.tileWidth(), layout.tileHeight(), rotationDegrees);
        }
        sink.tile(k, scaler.thumbnail(decoded));
      }
    } catch (Exception e) {
      failed = true;
      LOG.log(Level.WARNING, e, () -> "No thumbnails from frames " + first + "-" + last);
    }
  }

  private long frameOf(int k) {
    return Math.min(layout.frameOf(k, fpsNum, fpsDen), lastFrame);
  }

  @Override
  public void close() {
    if (scaler != null) {
      scaler.close();
    }
  }
}
