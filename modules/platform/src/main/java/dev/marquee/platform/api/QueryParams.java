package dev.marquee.platform.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters read the same way everywhere, with a 400 naming the parameter. */
public final class QueryParams {
  private QueryParams() {}

  /** An ISO date ({@code 2026-11-29}), or {@code fallback} when absent. */
  public static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          "invalid-date", name + " must be a date like 2026-11-29, not " + value + ".");
    }
  }
}
