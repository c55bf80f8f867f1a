package dev.marquee.transcode.internal.encode;

/** One rung of the bitrate ladder: picture height and target bitrate (bits per second). */
public record Rung(String name, int height, long bitrate) {
  /** Width for a source aspect ratio, even (4:2:0), rounded. */
  public int widthFor(int sourceWidth, int sourceHeight) {
    return (int) Math.round((double) sourceWidth * height / sourceHeight / 2.0) * 2;
  }
}
