package dev.marquee.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Figures over a bench's measured rounds: benches that alternate their side and its baseline in
 * rounds (licence, position) judge each target on the median round.
 */
final class Rounds {
  private Rounds() {}

  /** The median of one figure of each round (the mean of the middle two for an even count). */
  static <T> double median(List<T> rounds, ToDoubleFunction<T> figure) {
    double[] sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** One figure of each round, in order, comma-separated ("0.213, 0.249, 0.193"). */
  static <T> String each(List<T> rounds, ToDoubleFunction<T> figure, String format) {
    return String.join(
        ", ",
        rounds.stream()
            .map(r -> String.format(Locale.ROOT, format, figure.applyAsDouble(r)))
            .toList());
  }
}
