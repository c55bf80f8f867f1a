package dev.marquee.platform.api;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit on how often one subject (a client address, an account, an email) may do one thing: at
 * most {@code limit} times in each window of {@code window}, which starts at the subject's first
 * hit. Written in configuration as {@code N/window}, e.g. {@code 10/15m}, {@code 5/1h}, {@code
 * 60/30s}.
 */
public record RateLimit(String name, int limit, Duration window) {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)\\s*([smhd])");

  public RateLimit {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a rate limit needs a name");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("rate limit " + name + " must allow at least 1");
    }
    if (window.toSeconds() < 1 || window.toDays() > 1) {
      throw new IllegalArgumentException(
          "rate limit " + name + " needs a window from 1 second to 1 day");
    }
  }

  /** Reads {@code N/window}; a value that is not of that form names itself in the error. */
  public static RateLimit parse(String name, String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "rate limit "
              + name
              + " is '"
              + text
              + "'; write it as N/window with s, m, h or d, e.g. 10/15m");
    }
    long amount = Long.parseLong(m.group(2));
    Duration window =
        switch (m.group(3)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    return new RateLimit(name, Integer.parseInt(m.group(1)), window);
  }
}
