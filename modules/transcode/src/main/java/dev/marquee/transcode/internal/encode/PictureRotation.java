package dev.marquee.transcode.internal.encode;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Turns a planar 4:2:0 picture by a multiple of 90 degrees clockwise: what a player would do with a
 * master's display rotation (phones record sideways and say so in the container), done once at
 * encode time because CMAF renditions carry upright pictures. Plain Java over whole planes, so the
 * result is the same on every CPU.
 */
final class PictureRotation {
  private PictureRotation() {}

  /** The size of a {@code width x height} picture after turning it, as {width, height}. */
  static int[] turnedSize(int width, int height, int degrees) {
    return sideways(degrees) ? new int[] {height, width} : new int[] {width, height};
  }

  static boolean sideways(int degrees) {
    return degrees == 90 || degrees == 270;
  }

  /**
   * Writes {@code source} turned by {@code degrees} (90, 180 or 270) into {@code target}, whose
   * size must be the turned size.
   */
  static void turn(AVFrame source, AVFrame target, int degrees) {
    for (int plane = 0; plane < 3; plane++) {
      int width = plane == 0 ? source.width() : (source.width() + 1) / 2;
      int height = plane == 0 ? source.height() : (source.height() + 1) / 2;
      byte[] pixels = read(source.data(plane), source.linesize(plane), width, height);
      byte[] turned = turn(pixels, width, height, degrees);
      int[] size = turnedSize(width, height, degrees);
      write(target.data(plane), target.linesize(plane), turned, size[0], size[1]);
    }
  }

  /** One plane of {@code width x height} bytes, row after row, turned clockwise. */
  static byte[] turn(byte[] plane, int width, int height, int degrees) {
    byte[] out = new byte[plane.length];
    switch (degrees) {
      case 90 -> {
        // Row y of the source becomes column (height - 1 - y) of the target (height wide).
        for (int y = 0; y < height; y++) {
          int column = height - 1 - y;
          for (int x = 0; x < width; x++) {
            out[x * height + column] = plane[y * width + x];
          }
        }
      }
      case 180 -> {
        for (int i = 0; i < plane.length; i++) {
          out[plane.length - 1 - i] = plane[i];
        }
      }
      case 270 -> {
        // Row y of the source becomes column y of the target, read from the bottom up.
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            out[(width - 1 - x) * height + y] = plane[y * width + x];
          }
        }
      }
      default -> throw new IllegalArgumentException("rotation must be 90, 180 or 270: " + degrees);
    }
    return out;
  }

  private static byte[] read(BytePointer data, int stride, int width, int height) {
    byte[] pixels = new byte[width * height];
    for (int y = 0; y < height; y++) {
      data.position((long) y * stride).get(pixels, y * width, width);
    }
    data.position(0);
    return pixels;
  }

  private static void write(BytePointer data, int stride, byte[] pixels, int width, int height) {
    for (int y = 0; y < height; y++) {
      data.position((long) y * stride).put(pixels, y * width, width);
    }
    data.position(0);
  }
}
