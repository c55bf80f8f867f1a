package dev.marquee.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load at a fixed rate in the manner of wrk2: {@code connections} workers, each on its own
 * keep-alive connection, send on a shared schedule (request k is due at start + k / rate), and
 * every latency counts from the moment its request was due, not from when it was sent. A server
 * that falls behind therefore shows its queueing in the percentiles (no coordinated omission).
 * Bounded in requests and time.
 */
final class FixedRateRun {
  /** What a run measured. */
  record Result(
      int ratePerSecond,
      long sent,
      long unsent,
      long failed,
      double achievedPerSecond,
      double p50Millis,
      double p99Millis,
      double p999Millis) {}

  private final int connections;

  FixedRateRun(int connections) {
    this.connections = connections;
  }

  Result run(
      String url,
      String method,
      String body,
      List<String> headers,
      int ratePerSecond,
      Duration duration)
      throws InterruptedException {
    int total = (int) Math.min(200_000, ratePerSecond * duration.toSeconds());
    long[] latencies = new long[total];
    AtomicLong failed = new AtomicLong();
    HttpRequest.Builder template =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    for (String header : headers) {
      int colon = header.indexOf(':');
      template.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    HttpRequest request =
        template
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    long interval = 1_000_000_000L / ratePerSecond;
    long start = System.nanoTime() + 50_000_000L;
    // A server slower than the rate leaves requests unsent: give up 30 s past the planned end.
    long giveUp = start + duration.toNanos() + 30_000_000_000L;
    AtomicLong unsent = new AtomicLong();
    Arrays.fill(latencies, Long.MAX_VALUE);
    Thread[] workers = new Thread[connections];
    for (int w = 0; w < connections; w++) {
      int worker = w;
      workers[w] =
          new Thread(
              () -> {
                HttpClient http =
                    HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                for (int k = worker; k < total; k += connections) {
                  long due = start + k * interval;
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  try {
                    HttpResponse<Void> r =
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() >= 300) {
                      failed.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                  latencies[k] = System.nanoTime() - due;
                }
              },
              "fixed-rate-" + w);
      workers[w].start();
    }
    for (Thread t : workers) {
      t.join(duration.plusSeconds(60).toMillis());
      if (t.isAlive()) {
        throw new IllegalStateException("the fixed-rate run did not finish in time");
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    // Unsent requests count as infinitely late (Long.MAX_VALUE) in the percentiles.
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    long sent = total - unsent.get();
    return new Result(
        ratePerSecond,
        sent,
        unsent.get(),
        failed.get(),
        sent / elapsed,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        percentile(sorted, 0.999));
  }

  private static double percentile(long[] sorted, double p) {
    long v = sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    return v == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v / 1e6;
  }
}
