package dev.marquee.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The printed result: machine, server lifecycle figures, and the endpoint table with ratios. */
record Report(
    Machine machine,
    BenchSettings settings,
    Duration firstStart,
    Duration stop,
    Duration restart,
    double idleRssMegabytes,
    double loadedRssMegabytes,
    List<Row> rows) {

  /** One measured endpoint; the first row is the baseline the ratios refer to. */
  record Row(Endpoint endpoint, WrkResult result) {}

  void print(PrintStream out) {
    out.println();
    out.println("Marquee platform benchmark");
    out.println("==========================");
    out.printf(
        "Machine  %s CPUs (nproc), %s, %s%n",
        machine.processors(), machine.cpuModel(), machine.memory());
    out.printf("Java     %s (the Liberty JVM's java -version)%n", machine.java());
    out.printf(
        "Load     wrk --latency -t%d -c%d, %d s warm-up + %d s measured per endpoint, %d s timeout,%n"
            + "         127.0.0.1 only; wrk shares the CPUs with Liberty, PostgreSQL and s3proxy%n",
        settings.threads(),
        settings.connections(),
        settings.warmUp().toSeconds(),
        settings.measure().toSeconds(),
        settings.requestTimeout().toSeconds());
    out.println();

    out.println("Server (Liberty JVM)");
    line(
        out,
        "First start, fresh home (PostgreSQL initdb + s3proxy + cold Liberty)",
        seconds(firstStart));
    line(out, "Stop (server stop until the JVM exited)", seconds(stop));
    line(out, "Restart, Liberty only (until /health/ready is 200)", seconds(restart));
    line(
        out,
        "Idle RSS, " + settings.idleBeforeRss().toSeconds() + " s after restart",
        "%.0f MB".formatted(idleRssMegabytes));
    line(out, "RSS after the load", "%.0f MB".formatted(loadedRssMegabytes));
    line(out, "Restart / first start", "%.2fx".formatted(ratio(restart, firstStart)));
    out.println();

    String header = "%-38s %10s %9s %9s %12s %8s %7s%n";
    String row = "%-38s %10.1f %9.2f %9.2f %12s %8d %7d%n";
    out.printf(header, "Endpoint", "req/s", "p50 ms", "p99 ms", "vs baseline", "non-2xx", "errors");
    double baseline = rows.isEmpty() ? 0 : rows.get(0).result().requestsPerSecond();
    List<String> notes = new ArrayList<>();
    for (Row r : rows) {
      WrkResult w = r.result();
      String ratio = baseline > 0 ? "%.3fx".formatted(w.requestsPerSecond() / baseline) : "n/a";
      out.printf(
          row,
          r.endpoint().label(),
          w.requestsPerSecond(),
          w.p50Millis(),
          w.p99Millis(),
          ratio,
          w.non2xx(),
          w.socketErrors());
      if (r.endpoint().note() != null) {
        notes.add(r.endpoint().label() + ": " + r.endpoint().note());
      }
      if (w.non2xx() > 0 || w.socketErrors() > 0) {
        notes.add(
            r.endpoint().label()
                + ": wrk counts failed requests in req/s too; this row is not a clean measurement.");
      }
      if (w.capped()) {
        notes.add(
            r.endpoint().label()
                + ": stopped at the request cap ("
                + settings.maxRequestsPerRun()
                + " per run), so it ran shorter than the duration.");
      }
    }
    out.println();
    out.println("Ratios are req/s divided by the baseline's req/s on the same server and run.");
    for (String note : notes) {
      out.println("* " + note);
    }
  }

  private static void line(PrintStream out, String label, String value) {
    out.printf("  %-72s %10s%n", label, value);
  }

  private static String seconds(Duration d) {
    return "%.1f s".formatted(d.toMillis() / 1000.0);
  }

  private static double ratio(Duration part, Duration whole) {
    return whole.isZero() ? 0 : (double) part.toMillis() / whole.toMillis();
  }
}
