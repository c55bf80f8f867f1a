package dev.marquee.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: requests leave at a fixed rate whatever the server does, and each latency is
 * counted from the moment its request was due (so a stalled server shows in the percentiles instead
 * of slowing the generator down: no coordinated omission). Bounded in requests and time.
 */
final class FixedRateRun {
  /** What a run measured. */
  record Result(
      int ratePerSecond,
      long sent,
      long failed,
      double p50Millis,
      double p99Millis,
      double p999Millis) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

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
    CountDownLatch done = new CountDownLatch(total);
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
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int slot = i;
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, error) -> {
                latencies[slot] = System.nanoTime() - due;
                if (error != null || response.statusCode() >= 300) {
                  failed.incrementAndGet();
                }
                done.countDown();
              });
    }
    if (!done.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("responses still missing 30 s after the last request");
    }
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Result(
        ratePerSecond,
        total,
        failed.get(),
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        percentile(sorted, 0.999));
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
