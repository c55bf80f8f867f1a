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

  /** Each side's warm-up: the JIT and pools settle within about a minute of load (ADR 46). */
  private static final Duration WARM_UP =
      Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 60));

  /**
   * Measured rounds of writes then no-op (at most 5: each round's writes take client times 10
   * minutes after the previous round's).
   */
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  private PositionBench() {}

  public static void main(String[] args) throws Exception {
    if (ROUNDS < 1 || ROUNDS > 5) {
      throw new IllegalArgumentException("bench.rounds must be 1 to 5, not " + ROUNDS);
    }
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

    // Throughput: WRITERS threads, each a keep-alive connection, writing as fast as answered; then
    // the same threads on the authenticated no-op (mpJwt + revocation check + account read), the
    // side-by-side baseline. A first run of each warms the JIT of both JVMs and is not reported.
    // The measured runs then alternate, writes then no-op, for ROUNDS rounds: the machine's speed
    // drifts within minutes, and alternating puts the drift on both sides of every ratio; the
    // median round's ratio is the result.
    System.err.println(
        "[bench] Warm-up: writes, then the no-op, " + WARM_UP.toSeconds() + " s each");
    writes(
        http, base, admin, title, profiles, devices, Instant.now().minusSeconds(14_400), WARM_UP);
    writes(http, base, admin, null, profiles, devices, Instant.now(), WARM_UP);
    Instant firstClock = Instant.now().minusSeconds(7_200);
    List<Round> rounds = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      System.err.println(
          "[bench] Round " + round + ": " + WRITERS + " writers, then the no-op, same harness");
      WriteRun w =
          writes(
              http,
              base,
              admin,
              title,
              profiles,
              devices,
              firstClock.plusSeconds(600L * round),
              MEASURE);
      WriteRun noop = writes(http, base, admin, null, profiles, devices, Instant.now(), MEASURE);
      rounds.add(new Round(round, w, noop));
    }

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

    System.out.println();
    System.out.printf(
        "Position writes (%d writers) against the authenticated no-op (GET /api/accounts/me), same"
            + " harness, %d rounds of %d s each:%n%n",
        WRITERS, rounds.size(), MEASURE.toSeconds());
    System.out.println(
        "| round | writes/s | applied | failed | write p50 / p99 ms | no-op req/s | no-op failed |"
            + " ratio |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (Round r : rounds) {
      System.out.printf(
          "| %d | %,.0f | %,d | %,d | %.2f / %.2f | %,.0f | %,d | %.3fx |%n",
          r.round(),
          r.writes().perSecond(),
          r.writes().applied().get(),
          r.writes().failed().get(),
          pct(r.writes().sorted(), 0.50),
          pct(r.writes().sorted(), 0.99),
          r.noop().perSecond(),
          r.noop().failed().get(),
          r.ratio());
    }
    double ratio = Rounds.median(rounds, Round::ratio);
    long failed = rounds.stream().mapToLong(r -> r.writes().failed().get()).sum();
    System.out.printf("%nMedian ratio: %.3fx (target at least 0.8x)%n", ratio);
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
        .figure("rounds", rounds.size())
        .figure("writesPerSecond", Rounds.median(rounds, r -> r.writes().perSecond()))
        .figure("writeP50Ms", Rounds.median(rounds, r -> pct(r.writes().sorted(), 0.50)))
        .figure("writeP99Ms", Rounds.median(rounds, r -> pct(r.writes().sorted(), 0.99)))
        .figure("writesFailed", failed)
        .figure("authenticatedNoopPerSecond", Rounds.median(rounds, r -> r.noop().perSecond()))
        .figure("ratioPerRound", Rounds.each(rounds, Round::ratio, "%.3f"))
        .figure("pushOneServerReceived", one.sortedNanos().length)
        .figure("pushOneServerP50Ms", pct(one.sortedNanos(), 0.50))
        .figure("pushOneServerP99Ms", pct(one.sortedNanos(), 0.99))
        .figure("pushOneServerMaxMs", pct(one.sortedNanos(), 1.0))
        .figure("pushAcrossServersReceived", across.sortedNanos().length)
        .figure("pushAcrossServersP50Ms", pct(across.sortedNanos(), 0.50))
        .figure("pushAcrossServersP99Ms", pct(across.sortedNanos(), 0.99))
        .figure("pushAcrossServersMaxMs", pct(across.sortedNanos(), 1.0))
        .ratio("writesVsAuthenticatedNoop", ratio)
        .target(
            "writes",
            "position writes/s at least 0.8x the authenticated no-op's, same clients (median of"
                + " the rounds; no write failed)",
            ratio >= 0.8 && failed == 0)
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

  private record WriteRun(long[] sorted, double seconds, AtomicLong applied, AtomicLong failed) {
    double perSecond() {
      return sorted.length / seconds;
    }
  }

  /** One measured round: the writes, then the no-op. */
  private record Round(int round, WriteRun writes, WriteRun noop) {
    double ratio() {
      return writes.perSecond() / noop.perSecond();
    }
  }

  /**
   * WRITERS threads write for {@code length}, client times counting up from {@code from}; with a
   * null {@code title} they call the authenticated no-op instead, the same way.
   */
  private static WriteRun writes(
      HttpClient http,
      String base,
      String admin,
      String title,
      List<String> profiles,
      List<String> devices,
      Instant from,
      Duration length)
      throws InterruptedException {
    AtomicLong applied = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    long end = System.nanoTime() + length.toNanos();
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
    if (!done.await(length.toSeconds() + 60, TimeUnit.SECONDS)) {
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
