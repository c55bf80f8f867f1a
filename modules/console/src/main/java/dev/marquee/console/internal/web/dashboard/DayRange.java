package dev.marquee.console.internal.web.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A range of UTC days chosen on the analytics page or in its CSV link ({@code from} and {@code to},
 * YYYY-MM-DD, both included): by default the dashboard's last 14 days, at most 366 days.
 */
public record DayRange(LocalDate from, LocalDate to) {
  static final int MAX_DAYS = 366;

  /** Why the parameters make no range; the message names what is wrong. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /** The range the parameters name, {@code today} filling in what is missing. */
  public static DayRange parse(String from, String to, LocalDate today) throws Invalid {
    LocalDate end = blank(to) ? today : day("to", to);
    LocalDate start = blank(from) ? end.minusDays(DashboardPage.DAYS - 1) : day("from", from);
    if (end.isBefore(start)) {
      throw new Invalid("The range starts (" + start + ") after it ends (" + end + ").");
    }
    if (end.toEpochDay() - start.toEpochDay() >= MAX_DAYS) {
      throw new Invalid("A range is at most " + MAX_DAYS + " days.");
    }
    return new DayRange(start, end);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static LocalDate day(String name, String value) throws Invalid {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new Invalid(
          "\"" + name + "\" is a day written YYYY-MM-DD, not \"" + value.strip() + "\".");
    }
  }
}
