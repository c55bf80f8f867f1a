package dev.marquee.bench;

import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.api.SyntheticMaster;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resume positions under load (run it with {@code bash bench/position-bench.sh}): sustained
 * position writes per second from many devices, each write a new position (increasing client time),
 * and the push latency to another device of the profile over server-sent events, measured from the
 * moment the write was sent to the moment the other device read the event.
 */
public final class PositionBench {
  private static final int WRITERS = Integer.getInteger("bench.writers", 32);
  private static final Duration MEASURE =
      Duration.ofSeconds(Integer.getInteger("bench.durationSeconds", 15));

  private PositionBench() {}

  public static void main(String[] args) throws Exception {
    Path home = Files.createTempDirectory("marquee-position-bench-");
    Teardown teardown = new Teardown(home);
    Runtime.getRuntime().addShutdownHook(new Thread(teardown, "marquee-bench-teardown"));
    MarqueeStack stack = null;
    try {
      stack = BenchStacks.loopback(home).build();
      teardown.stack(stack);
      System.err.println("[bench] Starting the stack in " + home);
      stack.start();
      run(stack, home);
    } catch (Exception | Error e) {
      if (stack != null) {
        PlatformBench.printLogTail(stack.liberty());
      }
      throw e;
    } finally {
      teardown.run();
    }
  }

  private record Writer(String token, String profile, String device) {}

  private static void run(MarqueeStack stack, Path home) throws Exception {
    MarqueeClient client = new MarqueeClient(stack.baseUrl());
    String admin = client.signIn(MarqueeStack.ADMIN_EMAIL, stack.adminPassword());
    Path master = home.resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 60, false, List.of()).writeTo(master);
    System.err.println("[bench] Ingesting a 60 s title and waiting for its transcode");
    String title = BenchStacks.publishTitle(client, admin, master, "Position bench");
    String profile =
        ((JsonArray) client.get("/api/accounts/me/profiles", admin))
            .getJsonObject(0)
            .getString("id");
    // Rows: (profile, title, device). The account's 5 profiles x 9 devices give every writer a row
    // of its own (up to 45 writers), as real traffic spreads over many rows; each writer has its
    // own increasing client clock.
    List<String> profiles = new ArrayList<>(List.of(profile));
    for (int i = 1; i < 5; i++) {
      profiles.add(
          ((JsonObject)
                  client.send(
                      "POST",
                      "/api/accounts/me/profiles",
                      admin,
                      "{\"name\":\"Bench " + i + "\",\"kids\":false}",
                      Map.of(),
                      201))
              .getString("id"));
    }
    List<String> devices = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      devices.add(
          ((JsonObject)
                  client.send(
                      "POST",
                      "/api/accounts/me/devices",
                      admin,
                      "{\"name\":\"Bench " + i + "\",\"type\":\"TV\"}",
                      Map.of(),
                      201))
              .getString("id"));
    }
    String listener =
        ((JsonObject)
                client.send(
                    "POST",
                    "/api/accounts/me/devices",
                    admin,
                    "{\"name\":\"Listener\",\"type\":\"WEB\"}",
                    Map.of(),
                    201))
            .getString("id");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = stack.baseUrl();

    // Throughput: WRITERS threads, each a keep-alive connection, writing as fast as answered; a
    // first run of the same length warms the JIT of both JVMs and is not reported.
    System.err.println("[bench] Warm-up writes: " + MEASURE.toSeconds() + " s");
    writes(http, base, admin, title, profiles, devices, Instant.now().minusSeconds(7200));
    System.err.println("[bench] Writes: " + WRITERS + " writers for " + MEASURE.toSeconds() + " s");
    WriteRun run =
        writes(http, base, admin, title, profiles, devices, Instant.now().minusSeconds(3600));
    long[] sorted = run.sorted();
    double seconds = run.seconds();
    AtomicLong applied = run.applied();
    AtomicLong failed = run.failed();

    // Push latency: one device writes every 100 ms, another device's event stream is read here.
    System.err.println("[bench] Push latency: 200 writes, 100 ms apart");
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> push = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ready = new CountDownLatch(1);
    http.sendAsync(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/api/playback/positions/events?profileId="
                            + profile
                            + "&deviceId="
                            + listener))
                .header("Authorization", "Bearer " + admin)
                .build(),
            HttpResponse.BodyHandlers.ofLines())
        .thenAccept(
            r ->
                r.body()
                    .forEach(
                        line -> {
                          if (line.startsWith("event: ready") || line.startsWith("event:ready")) {
                            ready.countDown();
                          } else if (line.startsWith("data:")) {
                            long now = System.nanoTime();
                            String data = line.substring(5).strip();
                            int i = data.indexOf("\"clientTime\":\"");
                            if (i >= 0) {
                              String key = data.substring(i + 14, data.indexOf('"', i + 14));
                              Long sent = sentAt.remove(key);
                              if (sent != null) {
                                push.add(now - sent);
                              }
                            }
                          }
                        }));
    if (!ready.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the event stream did not open");
    }
    // Millisecond precision: the database keeps microseconds, the event echoes what it kept.
    Instant later = Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    for (int i = 0; i < 200; i++) {
      Instant at = later.plusMillis(i);
      sentAt.put(at.toString(), System.nanoTime());
      http.send(
          HttpRequest.newBuilder(URI.create(base + "/api/playback/positions"))
              .header("Authorization", "Bearer " + admin)
              .header("Content-Type", "application/json")
              .PUT(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"titleId\":\""
                          + title
                          + "\",\"profileId\":\""
                          + profile
                          + "\",\"deviceId\":\""
                          + devices.get(0)
                          + "\",\"positionSeconds\":"
                          + (i % 50)
                          + ",\"clientTime\":\""
                          + at
                          + "\",\"event\":\"PERIODIC\"}"))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      Thread.sleep(100);
    }
    Thread.sleep(3000);
    long[] pushed = push.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(pushed);

    System.out.println();
    System.out.printf(
        "Position writes, %d writers, %.1f s: %,d requests, %,.0f writes/s (%,d applied, %,d"
            + " failed); latency p50 %.2f ms, p99 %.2f ms%n",
        WRITERS,
        seconds,
        sorted.length,
        sorted.length / seconds,
        applied.get(),
        failed.get(),
        pct(sorted, 0.50),
        pct(sorted, 0.99));
    System.out.printf(
        "Push to another device (SSE), %d of 200 writes received: p50 %.0f ms, p99 %.0f ms, max"
            + " %.0f ms%n",
        pushed.length, pct(pushed, 0.50), pct(pushed, 0.99), pct(pushed, 1.0));
  }

  private record WriteRun(long[] sorted, double seconds, AtomicLong applied, AtomicLong failed) {}

  /** WRITERS threads write for MEASURE, client times counting up from {@code from}. */
  private static WriteRun writes(
      HttpClient http,
      String base,
      String admin,
      String title,
      List<String> profiles,
      List<String> devices,
      Instant from)
      throws InterruptedException {
    AtomicLong applied = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    long end = System.nanoTime() + MEASURE.toNanos();
    CountDownLatch done = new CountDownLatch(WRITERS);
    Instant clock = from.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    for (int w = 0; w < WRITERS; w++) {
      long[] mine = new long[400_000];
      latencies.add(mine);
      int writer = w;
      new Thread(
              () -> {
                int n = 0;
                String device = devices.get(writer / profiles.size() % devices.size());
                String writerProfile = profiles.get(writer % profiles.size());
                while (System.nanoTime() < end && n < mine.length) {
                  // Distinct client times per writer: writers sharing a device never tie.
                  Instant at = clock.plusMillis((long) n * WRITERS + writer);
                  String body =
                      "{\"titleId\":\""
                          + title
                          + "\",\"profileId\":\""
                          + writerProfile
                          + "\",\"deviceId\":\""
                          + device
                          + "\",\"positionSeconds\":"
                          + (n % 50)
                          + ",\"clientTime\":\""
                          + at
                          + "\",\"event\":\"PERIODIC\"}";
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/playback/positions"))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                      failed.incrementAndGet();
                    } else if (r.body().contains("\"applied\":true")) {
                      applied.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                  mine[n++] = System.nanoTime() - t0;
                }
                mine[mine.length - 1] = n; // count, kept in the last slot
                done.countDown();
              },
              "writer-" + w)
          .start();
    }
    long t0 = System.nanoTime();
    if (!done.await(MEASURE.toSeconds() + 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("writers did not finish");
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Long> all = new ArrayList<>();
    for (long[] mine : latencies) {
      int n = (int) mine[mine.length - 1];
      for (int i = 0; i < n; i++) {
        all.add(mine[i]);
      }
    }
    long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new WriteRun(sorted, seconds, applied, failed);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]
        / 1e6;
  }
}
