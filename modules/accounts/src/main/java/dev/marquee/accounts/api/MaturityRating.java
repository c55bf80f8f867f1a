package dev.marquee.accounts.api;

import java.util.Arrays;
import java.util.Optional;

/** Age ratings, ordered from the most to the least permissive audience. */
public enum MaturityRating {
  ALL("ALL"),
  AGE_7("7+"),
  AGE_13("13+"),
  AGE_16("16+"),
  AGE_18("18+");

  private final String label;

  MaturityRating(String label) {
    this.label = label;
  }

  /** How clients write it: {@code ALL}, {@code 7+}, {@code 13+}, {@code 16+}, {@code 18+}. */
  public String label() {
    return label;
  }

  /** True when content rated {@code rating} may be shown under this cap. */
  public boolean permits(MaturityRating rating) {
    return rating.ordinal() <= ordinal();
  }

  public static Optional<MaturityRating> fromLabel(String label) {
    return Arrays.stream(values()).filter(r -> r.label.equalsIgnoreCase(label.strip())).findFirst();
  }

  public static String labels() {
    return String.join(", ", Arrays.stream(values()).map(MaturityRating::label).toList());
  }
}
