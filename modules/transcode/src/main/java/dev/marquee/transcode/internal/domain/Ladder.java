package dev.marquee.transcode.internal.domain;

import dev.marquee.transcode.internal.encode.Rung;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bitrate ladder: rungs from 240p to 2160p, named by lines, the picture's short side (so 1080p
 * is 1920x1080 landscape and 1080x1920 portrait). A master gets the rungs whose lines fit in its
 * short side (never upscaled); a master between two rungs (576 lines) also gets a top rung of its
 * own lines, so its full resolution is offered; a master below the lowest rung gets one rung of its
 * own. Bitrates follow the pixel count of the rung's real picture, interpolated along the ladder's
 * bitrates for 16:9 pictures; ADR 28.
 */
public final class Ladder {
  public static final List<Rung> DEFAULT =
      List.of(
          new Rung("240p", 240, 400_000),
          new Rung("360p", 360, 800_000),
          new Rung("480p", 480, 1_400_000),
          new Rung("720p", 720, 3_000_000),
          new Rung("1080p", 1080, 6_000_000),
          new Rung("1440p", 1440, 10_000_000),
          new Rung("2160p", 2160, 15_000_000));

  /**
   * A master's own top rung is added only when its lines are this much above the tallest rung that
   * fits: a 1088-line master gets 1080p, not 1080p and a near copy of it.
   */
  static final double OWN_RUNG_MARGIN = 1.10;

  private Ladder() {}

  /** The rungs of {@code ladder} for a master shown {@code width} x {@code height}. */
  public static List<Rung> forMaster(List<Rung> ladder, int width, int height) {
    int lines = even(Math.min(width, height));
    List<Rung> rungs = new ArrayList<>();
    for (Rung rung : ladder) {
      if (rung.lines() <= lines) {
        rungs.add(sized(ladder, rung.name(), rung.lines(), width, height));
      }
    }
    boolean belowLadder = rungs.isEmpty();
    boolean betweenRungs =
        !belowLadder
            && rungs.size() < ladder.size()
            && lines >= rungs.get(rungs.size() - 1).lines() * OWN_RUNG_MARGIN;
    if (belowLadder || betweenRungs) {
      rungs.add(sized(ladder, lines + "p", lines, width, height));
    }
    return List.copyOf(rungs);
  }

  /** A rung of these lines for this master, its bitrate from its real pixel count. */
  private static Rung sized(List<Rung> ladder, String name, int lines, int width, int height) {
    Rung shape = new Rung(name, lines, 0);
    long pixels = (long) shape.widthFor(width, height) * shape.heightFor(width, height);
    return new Rung(name, lines, bitrateFor(ladder, pixels));
  }

  /**
   * The bitrate for a picture of {@code pixels}: linear between the ladder's rungs placed at their
   * 16:9 pixel counts, proportional below the lowest and above the highest.
   */
  static long bitrateFor(List<Rung> ladder, long pixels) {
    Rung previous = null;
    for (Rung rung : ladder) {
      long at = widescreenPixels(rung.lines());
      if (pixels <= at) {
        if (previous == null) {
          return Math.round((double) rung.bitrate() * pixels / at);
        }
        long from = widescreenPixels(previous.lines());
        double share = (double) (pixels - from) / (at - from);
        return Math.round(previous.bitrate() + share * (rung.bitrate() - previous.bitrate()));
      }
      previous = rung;
    }
    return Math.round((double) previous.bitrate() * pixels / widescreenPixels(previous.lines()));
  }

  private static long widescreenPixels(int lines) {
    return (long) new Rung("", lines, 0).widthFor(16 * lines, 9 * lines) * lines;
  }

  private static int even(int size) {
    return Math.max(2, size - (size & 1));
  }

  /** Parses {@code 240p:400000,360p:800000,...} (lines from the name). */
  public static List<Rung> parse(String text) {
    List<Rung> rungs = new ArrayList<>();
    for (String item : text.split(",")) {
      String[] parts = item.strip().split(":");
      if (parts.length != 2 || !parts[0].endsWith("p")) {
        throw new IllegalArgumentException("ladder rung must look like 720p:3000000, not " + item);
      }
      int lines = Integer.parseInt(parts[0].substring(0, parts[0].length() - 1));
      rungs.add(new Rung(parts[0], lines, Long.parseLong(parts[1])));
    }
    rungs.sort(Comparator.comparingInt(Rung::lines));
    return List.copyOf(rungs);
  }
}
