package dev.marquee.transcode.internal.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BITEXACT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Turns a decoded picture of the master into a small upright thumbnail: scaled bit-exactly (the
 * same picture gives the same pixels on every run and every server) in the master's stored
 * orientation, then turned by its display rotation. Whoever decodes the picture, the trick-play
 * grabber or an encode partition, gets the same tile from it.
 */
final class ThumbnailScaler implements AutoCloseable {
  private final int tileWidth;
  private final int tileHeight;
  private final int rotationDegrees;
  private final int storedWidth;
  private final int storedHeight;
  private final AVFrame bgr;
  private SwsContext scaler;

  /**
   * @param tileWidth upright width of a thumbnail
   * @param tileHeight upright height of a thumbnail
   * @param rotationDegrees the master's display rotation (clockwise), applied to the thumbnails
   */
  ThumbnailScaler(int tileWidth, int tileHeight, int rotationDegrees) {
    this.tileWidth = tileWidth;
    this.tileHeight = tileHeight;
    this.rotationDegrees = ((rotationDegrees % 360) + 360) % 360;
    boolean sideways = this.rotationDegrees == 90 || this.rotationDegrees == 270;
    storedWidth = sideways ? tileHeight : tileWidth;
    storedHeight = sideways ? tileWidth : tileHeight;
    bgr = av_frame_alloc();
    bgr.format(AV_PIX_FMT_BGR24);
    bgr.width(storedWidth);
    bgr.height(storedHeight);
    try {
      FfmpegStatus.check(av_frame_get_buffer(bgr, 0), "allocating a thumbnail");
    } catch (RuntimeException e) {
      av_frame_free(bgr);
      throw e;
    }
  }

  /** The decoded picture as a thumbnail of its own (nothing of the picture is kept). */
  BufferedImage thumbnail(AVFrame decoded) {
    scaler =
        sws_getCachedContext(
            scaler,
            decoded.width(),
            decoded.height(),
            decoded.format(),
            storedWidth,
            storedHeight,
            AV_PIX_FMT_BGR24,
            SWS_AREA | SWS_ACCURATE_RND | SWS_BITEXACT,
            null,
            null,
            (DoublePointer) null);
    if (scaler == null || scaler.isNull()) {
      throw new IllegalStateException(
          "cannot scale the master's pictures (pixel format " + decoded.format() + ")");
    }
    sws_scale(
        scaler,
        decoded.data(),
        decoded.linesize(),
        0,
        decoded.height(),
        bgr.data(),
        bgr.linesize());
    return upright(image());
  }

  /** The BGR picture's pixels as an image of its own (the frame's buffer is reused). */
  private BufferedImage image() {
    BufferedImage image =
        new BufferedImage(storedWidth, storedHeight, BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int stride = bgr.linesize(0);
    BytePointer plane = bgr.data(0);
    for (int row = 0; row < storedHeight; row++) {
      plane.position((long) row * stride).get(pixels, row * storedWidth * 3, storedWidth * 3);
    }
    return image;
  }

  /** Turned clockwise by the master's display rotation. */
  private BufferedImage upright(BufferedImage stored) {
    if (rotationDegrees == 0) {
      return stored;
    }
    int w = stored.getWidth();
    int h = stored.getHeight();
    BufferedImage turned = new BufferedImage(tileWidth, tileHeight, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = stored.getRGB(x, y);
        switch (rotationDegrees) {
          case 90 -> turned.setRGB(h - 1 - y, x, rgb);
          case 180 -> turned.setRGB(w - 1 - x, h - 1 - y, rgb);
          default -> turned.setRGB(y, w - 1 - x, rgb);
        }
      }
    }
    return turned;
  }

  @Override
  public void close() {
    av_frame_free(bgr);
    if (scaler != null) {
      sws_freeContext(scaler);
    }
  }
}
