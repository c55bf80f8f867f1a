package dev.marquee.bench;

import dev.marquee.devstack.LibertyServer;
import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.Json;
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
    // Profiles without a kids cap need the owner's password again in this sign-in.
    client.send(
        "POST",
        "/api/accounts/me/reauthentication",
        admin,
        Json.createObjectBuilder().add("password", stack.adminPassword()).build().toString(),
        Map.of(),
        200);
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

    // The same 32 client threads on the authenticated no-op (mpJwt + revocation check + account
    // read): the side-by-side baseline of the write rate.
    System.err.println("[bench] Authenticated no-op: " + WRITERS + " clients, same harness");
    WriteRun noop = writes(http, base, admin, null, profiles, devices, Instant.now());

    // Push latency: one device writes every 100 ms, another device's event stream is read here,
    // first from the same server, then from a second server sharing PostgreSQL.
    System.err.println("[bench] Push latency, one server: 200 writes, 100 ms apart");
    PushLatency.Result one =
        PushLatency.measure(
            http,
            base,
            base,
            admin,
            title,
            profile,
            devices.get(0),
            listener,
            Instant.now().plusSeconds(60),
            200,
            100);
    System.err.println("[bench] Starting a second server on the same database");
    int[] ports = PlatformBench.freePorts(3);
    LibertyServer second =
        stack
            .liberty()
            .sibling(
                home.resolve("second-liberty"),
                ports[0],
                Map.of(
                    "HTTPS_PORT", Integer.toString(ports[1]),
                    "MESSAGING_PORT", Integer.toString(ports[2]),
                    "MARQUEE_SERVER_ID", "second"));
    PushLatency.Result across;
    try {
      second.start();
      second.awaitReady(Duration.ofMinutes(4));
      System.err.println("[bench] Push latency, across servers: 200 writes, 100 ms apart");
      across =
          PushLatency.measure(
              http,
              base,
              second.baseUrl(),
              admin,
              title,
              profile,
              devices.get(0),
              listener,
              Instant.now().plusSeconds(120),
              200,
              100);
    } finally {
      second.stop();
    }

    double writesPerSecond = sorted.length / seconds;
    double noopPerSecond = noop.sorted().length / noop.seconds();
    System.out.println();
    System.out.printf(
        "Position writes, %d writers, %.1f s: %,d requests, %,.0f writes/s (%,d applied, %,d"
            + " failed); latency p50 %.2f ms, p99 %.2f ms%n",
        WRITERS,
        seconds,
        sorted.length,
        writesPerSecond,
        applied.get(),
        failed.get(),
        pct(sorted, 0.50),
        pct(sorted, 0.99));
    System.out.printf(
        "Authenticated no-op (GET /api/accounts/me), same harness: %,.0f req/s (%,d failed);"
            + " p50 %.2f ms, p99 %.2f ms; writes / no-op %.3fx%n",
        noopPerSecond,
        noop.failed().get(),
        pct(noop.sorted(), 0.50),
        pct(noop.sorted(), 0.99),
        writesPerSecond / noopPerSecond);
    for (var r : List.of(Map.entry("one server", one), Map.entry("across servers", across))) {
      long[] p = r.getValue().sortedNanos();
      System.out.printf(
          "Push to another device (SSE), %s, %d of %d writes received: p50 %.1f ms, p99 %.1f ms,"
              + " max %.1f ms%n",
          r.getKey(), p.length, r.getValue().writes(), pct(p, 0.50), pct(p, 0.99), pct(p, 1.0));
    }
    boolean allPushed =
        one.sortedNanos().length == one.writes() && across.sortedNanos().length == across.writes();
    new ResultsFile("position", "SKIP_BUILD=1 bash bench/position-bench.sh")
        .figure("writers", WRITERS)
        .figure("writesPerSecond", writesPerSecond)
        .figure("writeP50Ms", pct(sorted, 0.50))
        .figure("writeP99Ms", pct(sorted, 0.99))
        .figure("writesFailed", failed.get())
        .figure("authenticatedNoopPerSecond", noopPerSecond)
        .figure("pushOneServerReceived", one.sortedNanos().length)
        .figure("pushOneServerP50Ms", pct(one.sortedNanos(), 0.50))
        .figure("pushOneServerP99Ms", pct(one.sortedNanos(), 0.99))
        .figure("pushOneServerMaxMs", pct(one.sortedNanos(), 1.0))
        .figure("pushAcrossServersReceived", across.sortedNanos().length)
        .figure("pushAcrossServersP50Ms", pct(across.sortedNanos(), 0.50))
        .figure("pushAcrossServersP99Ms", pct(across.sortedNanos(), 0.99))
        .figure("pushAcrossServersMaxMs", pct(across.sortedNanos(), 1.0))
        .ratio("writesVsAuthenticatedNoop", writesPerSecond / noopPerSecond)
        .target(
            "writes",
            "position writes/s at least 0.8x the authenticated no-op's, same clients",
            writesPerSecond / noopPerSecond >= 0.8 && failed.get() == 0)
        .target(
            "pushOneServer",
            "every write pushed to the other device, p99 under 200 ms, one server",
            one.sortedNanos().length == one.writes() && pct(one.sortedNanos(), 0.99) < 200)
        .target(
            "pushAcrossServers",
            "every write pushed to the other device, p99 under 200 ms, written on another server",
            allPushed && pct(across.sortedNanos(), 0.99) < 200)
        .write();
  }

  private record WriteRun(long[] sorted, double seconds, AtomicLong applied, AtomicLong failed) {}

  /**
   * WRITERS threads write for MEASURE, client times counting up from {@code from}; with a null
   * {@code title} they call the authenticated no-op instead, the same way.
   */
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
                  HttpRequest request =
                      title == null
                          ? HttpRequest.newBuilder(URI.create(base + "/api/accounts/me"))
                              .header("Authorization", "Bearer " + admin)
                              .build()
                          : HttpRequest.newBuilder(URI.create(base + "/api/playback/positions"))
                              .header("Authorization", "Bearer " + admin)
                              .header("Content-Type", "application/json")
                              .PUT(HttpRequest.BodyPublishers.ofString(body))
                              .build();
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
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
