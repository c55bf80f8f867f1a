package dev.marquee.bench;

import java.time.Duration;

/**
 * How hard and how long to load the server. The defaults are the published ones; the {@code
 * bench.*} system properties exist for quick trial runs, not for comparing numbers.
 */
record BenchSettings(
    int threads,
    int connections,
    Duration warmUp,
    Duration measure,
    Duration requestTimeout,
    long maxRequestsPerRun,
    Duration idleBeforeRss) {

  static BenchSettings fromSystemProperties() {
    return fromSystemProperties(Duration.ofSeconds(5));
  }

  /** As {@link #fromSystemProperties()}, with a bench's own default warm-up. */
  static BenchSettings fromSystemProperties(Duration defaultWarmUp) {
    return new BenchSettings(
        Integer.getInteger("bench.threads", 2),
        Integer.getInteger("bench.connections", 32),
        Duration.ofSeconds(
            Integer.getInteger("bench.warmupSeconds", (int) defaultWarmUp.toSeconds())),
        Duration.ofSeconds(Integer.getInteger("bench.durationSeconds", 15)),
        // wrk's default of 2 s would count slow password grants as errors instead of latency.
        Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 10)),
        Long.getLong("bench.maxRequests", 1_000_000L),
        Duration.ofSeconds(Integer.getInteger("bench.idleSeconds", 10)));
  }
}
