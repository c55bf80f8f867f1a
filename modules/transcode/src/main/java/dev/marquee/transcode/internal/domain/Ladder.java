package dev.marquee.transcode.internal.domain;

import dev.marquee.transcode.internal.encode.Rung;
import java.util.ArrayList;
import java.util.List;

/**
 * The bitrate ladder: rungs from 240p to 2160p. A master gets the rungs at or below its own height
 * (never upscaled), and always at least the lowest.
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

  private Ladder() {}

  public static List<Rung> forMaster(List<Rung> ladder, int masterHeight) {
    List<Rung> rungs = new ArrayList<>();
    for (Rung rung : ladder) {
      if (rung.height() <= masterHeight) {
        rungs.add(rung);
      }
    }
    if (rungs.isEmpty()) {
      rungs.add(ladder.get(0));
    }
    return rungs;
  }

  /** Parses {@code 240p:400000,360p:800000,...} (height from the name). */
  public static List<Rung> parse(String text) {
    List<Rung> rungs = new ArrayList<>();
    for (String item : text.split(",")) {
      String[] parts = item.strip().split(":");
      if (parts.length != 2 || !parts[0].endsWith("p")) {
        throw new IllegalArgumentException("ladder rung must look like 720p:3000000, not " + item);
      }
      int height = Integer.parseInt(parts[0].substring(0, parts[0].length() - 1));
      rungs.add(new Rung(parts[0], height, Long.parseLong(parts[1])));
    }
    rungs.sort(java.util.Comparator.comparingInt(Rung::height));
    return List.copyOf(rungs);
  }
}
