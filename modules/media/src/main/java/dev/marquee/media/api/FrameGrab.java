package dev.marquee.media.api;

import dev.marquee.media.internal.ffmpeg.FfmpegFrameGrab;
import java.nio.file.Path;

/** A still from a video, as JPEG: the artwork a title shows until an admin gives it one. */
public final class FrameGrab {
  private FrameGrab() {}

  /**
   * The first picture at or after {@code atSeconds} (clamped into the video), scaled to {@code
   * width} pixels wide with the video's aspect ratio, as a JPEG.
   *
   * @throws IllegalStateException if the file has no decodable video
   */
  public static byte[] jpeg(Path video, double atSeconds, int width) {
    return FfmpegFrameGrab.jpeg(video.toAbsolutePath().toString(), atSeconds, width);
  }
}
