package dev.marquee.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one wrk run reported, parsed from its text output (wrk 4.x with --latency). */
record WrkResult(
    double requestsPerSecond,
    double p50Millis,
    double p99Millis,
    long requests,
    long non2xx,
    long socketErrors,
    boolean capped) {
  /** Printed by the generated Lua script when a thread stopped at the request cap. */
  static final String CAP_REACHED = "Request cap reached";

  private static final Pattern RATE =
      Pattern.compile("^Requests/sec:\\s+([\\d.]+)", Pattern.MULTILINE);
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s*(\\d+)(?:\\.\\d+)?%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$", Pattern.MULTILINE);
  private static final Pattern TOTAL =
      Pattern.compile("^\\s*(\\d+) requests in [\\d.]+\\w+,", Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  static WrkResult parse(String output) {
    Matcher rate = RATE.matcher(output);
    Matcher total = TOTAL.matcher(output);
    if (!rate.find() || !total.find()) {
      throw new IllegalStateException("Could not read wrk's output:\n" + output);
    }
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher percentile = PERCENTILE.matcher(output);
    while (percentile.find()) {
      double millis = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
      switch (percentile.group(1)) {
        case "50" -> p50 = millis;
        case "99" -> p99 = millis;
        default -> {
          // 75% and 90% are printed too; the table shows the median and the tail only.
        }
      }
    }
    if (Double.isNaN(p50) || Double.isNaN(p99)) {
      throw new IllegalStateException("No latency distribution (was --latency given?):\n" + output);
    }
    long non2xx = 0;
    Matcher status = NON_2XX.matcher(output);
    if (status.find()) {
      non2xx = Long.parseLong(status.group(1));
    }
    long socketErrors = 0;
    Matcher errors = SOCKET_ERRORS.matcher(output);
    if (errors.find()) {
      for (int i = 1; i <= 4; i++) {
        socketErrors += Long.parseLong(errors.group(i));
      }
    }
    return new WrkResult(
        Double.parseDouble(rate.group(1)),
        p50,
        p99,
        Long.parseLong(total.group(1)),
        non2xx,
        socketErrors,
        output.contains(CAP_REACHED));
  }

  private static double toMillis(double value, String unit) {
    return switch (unit) {
      case "us" -> value / 1000.0;
      case "ms" -> value;
      case "s" -> value * 1000.0;
      case "m" -> value * 60_000.0;
      case "h" -> value * 3_600_000.0;
      default -> throw new IllegalArgumentException("Unknown wrk time unit " + unit);
    };
  }
}
