package dev.marquee.transcode.internal.encode;

/**
 * One rung of the bitrate ladder: its lines (the picture's short side: a 1080p rung is 1920x1080
 * landscape and 1080x1920 portrait) and target bitrate (bits per second).
 */
public record Rung(String name, int lines, long bitrate) {
  /** Upright width for a picture shown {@code width} x {@code height}, even (4:2:0), rounded. */
  public int widthFor(int width, int height) {
    return height > width ? lines : longSide(width, height);
  }

  /** Upright height for a picture shown {@code width} x {@code height}, even, rounded. */
  public int heightFor(int width, int height) {
    return height > width ? longSide(height, width) : lines;
  }

  private int longSide(int longSide, int shortSide) {
    return (int) Math.round((double) longSide * lines / shortSide / 2.0) * 2;
  }
}
