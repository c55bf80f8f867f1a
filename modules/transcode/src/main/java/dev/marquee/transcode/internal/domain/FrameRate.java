package dev.marquee.transcode.internal.domain;

/** A frame rate as a fraction, recognising the NTSC rates that probes report as decimals. */
public record FrameRate(int num, int den) {
  public static FrameRate of(double fps) {
    int[][] ntsc = {{24000, 1001}, {30000, 1001}, {60000, 1001}};
    for (int[] rate : ntsc) {
      if (Math.abs(fps - (double) rate[0] / rate[1]) < 0.005) {
        return new FrameRate(rate[0], rate[1]);
      }
    }
    int whole = (int) Math.round(fps);
    if (whole <= 0 || whole > 120) {
      throw new IllegalArgumentException("unsupported frame rate " + fps);
    }
    return new FrameRate(whole, 1);
  }

  public double fps() {
    return (double) num / den;
  }

  /** A timescale in which one frame lasts a whole number of ticks ({@link #frameTicks()}). */
  public int timescale() {
    return num < 1000 ? num * 1000 : num;
  }

  public int frameTicks() {
    return num < 1000 ? den * 1000 : den;
  }

  /** Whole frames closest to {@code seconds}. */
  public int framesIn(double seconds) {
    return (int) Math.max(1, Math.round(seconds * num / den));
  }
}
