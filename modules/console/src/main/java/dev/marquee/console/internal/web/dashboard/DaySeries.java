package dev.marquee.console.internal.web.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every UTC day of a period, oldest first, with what a module reported for it or, for a day it left
 * out (nothing happened), an empty value: a chart's x axis has no gaps and the table a row per day.
 */
public final class DaySeries {
  private DaySeries() {}

  /** The days from {@code from} to {@code to}, both included. */
  public static List<LocalDate> days(LocalDate from, LocalDate to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  /** One value per day of the period: the reported one, or {@code empty} for that day. */
  public static <T> List<T> fill(
      LocalDate from, LocalDate to, Map<LocalDate, T> reported, Function<LocalDate, T> empty) {
    return days(from, to).stream()
        .map(d -> reported.containsKey(d) ? reported.get(d) : empty.apply(d))
        .toList();
  }
}
