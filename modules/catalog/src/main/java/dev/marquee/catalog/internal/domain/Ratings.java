package dev.marquee.catalog.internal.domain;

import dev.marquee.accounts.api.MaturityRating;
import java.util.Arrays;
import java.util.Optional;

/**
 * Maturity ratings as clients write them (label {@code 13+} or name {@code AGE_13}) and as stored.
 */
public final class Ratings {
  private Ratings() {}

  /** A rating from its label or its name, any case. */
  public static Optional<MaturityRating> parse(String value) {
    String v = value.strip();
    return MaturityRating.fromLabel(v)
        .or(
            () ->
                Arrays.stream(MaturityRating.values())
                    .filter(m -> m.name().equalsIgnoreCase(v))
                    .findFirst());
  }

  /** The label of a stored rating ({@code AGE_13} -> {@code 13+}). */
  public static String label(String stored) {
    return MaturityRating.valueOf(stored).label();
  }
}
