package dev.marquee.cli;

import java.util.Locale;

/** A text progress bar: {@code 720p [##########----------] 50% 12/24}. */
public final class ProgressBar {
  private ProgressBar() {}

  /** The bar for {@code done} out of {@code total}, {@code width} characters between brackets. */
  public static String render(String label, long done, long total, int width, String unit) {
    long safeTotal = Math.max(total, 0);
    long clamped = Math.max(0, Math.min(done, safeTotal));
    int filled = safeTotal == 0 ? 0 : (int) (clamped * width / safeTotal);
    int percent = safeTotal == 0 ? 0 : (int) (clamped * 100 / safeTotal);
    return String.format(
        Locale.ROOT,
        "%-6s [%s%s] %3d%%  %s",
        label,
        "#".repeat(filled),
        "-".repeat(width - filled),
        percent,
        unit.isEmpty() ? clamped + "/" + safeTotal : bytes(clamped) + " / " + bytes(safeTotal));
  }

  /** Bytes for people: {@code 512 B}, {@code 4.0 MiB}. */
  public static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
