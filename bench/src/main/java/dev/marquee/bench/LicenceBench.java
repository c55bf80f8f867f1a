package dev.marquee.bench;

import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The licence server under load (run it with {@code bash bench/licence-bench.sh}): wrk at full
 * speed and an open-loop run at a fixed rate, each against the ClearKey licence endpoint and, on
 * the same server in the same run, a trivial endpoint; prints both with ratios.
 */
public final class LicenceBench {
  private LicenceBench() {}

  public static void main(String[] args) throws Exception {
    // JIT and pools settle within about a minute of load (ADR 46); both endpoints get that.
    BenchSettings settings = BenchSettings.fromSystemProperties(Duration.ofSeconds(60));
    int rate = Integer.getInteger("bench.rate", 1000);
    Duration rateDuration = Duration.ofSeconds(Integer.getInteger("bench.rateSeconds", 20));
    int rounds = Integer.getInteger("bench.rounds", 3);
    if (rounds < 1) {
      throw new IllegalArgumentException("bench.rounds must be at least 1, not " + rounds);
    }
    Path home = Files.createTempDirectory("marquee-licence-bench-");
    Teardown teardown = new Teardown(home);
    Runtime.getRuntime().addShutdownHook(new Thread(teardown, "marquee-bench-teardown"));
    MarqueeStack stack = null;
    try {
      stack =
          BenchStacks.loopback(home)
              // One session serves the whole run: no heartbeats from wrk.
              .environment("MARQUEE_PLAYBACK_SESSION_TIMEOUT", "PT2H")
              .build();
      teardown.stack(stack);
      progress("Starting the stack in " + home);
      stack.start();
      String base = stack.baseUrl();
      Endpoint licence = licenceEndpoint(stack, home);
      Endpoint baseline =
          Endpoint.get("GET /api/platform/info (baseline)", "/api/platform/info", List.of(), null);

      StackCpu cpu =
          new StackCpu(
              ServerFootprint.libertyJvm(stack.liberty().pid()),
              home.resolve("postgres/postmaster.pid"));
      List<Endpoint> both = List.of(baseline, licence);

      // Both warm up first; then the measured runs alternate, so that a machine whose speed drifts
      // (this one's trivial endpoint has moved 2x between runs minutes apart) weighs on both sides
      // of every ratio alike. Each round gives a ratio; the median of them is the result.
      WrkRun wrk = new WrkRun(settings, Files.createDirectories(home.resolve("wrk")));
      for (Endpoint e : both) {
        progress("wrk warm-up: " + e.label());
        wrk.warmUp(base, e, e == baseline ? "baseline" : "licence");
      }
      List<WrkRound> wrkRounds = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Measured b = measure(wrk, cpu, base, baseline, "baseline", round);
        Measured l = measure(wrk, cpu, base, licence, "licence", round);
        WrkRound r = new WrkRound(round, b, l);
        wrkRounds.add(r);
        progress(
            String.format(
                "wrk round %d: baseline %,.0f req/s, licence %,.0f req/s, %.3fx",
                round, b.wrk().requestsPerSecond(), l.wrk().requestsPerSecond(), r.ratio()));
      }

      FixedRateRun open = new FixedRateRun(settings.connections());
      for (Endpoint e : both) {
        progress("open loop warm-up at " + rate + " req/s: " + e.label());
        open.run(base + e.path(), e.method(), e.body(), headers(e), rate, Duration.ofSeconds(5));
      }
      List<RateRound> rateRounds = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        FixedRateRun.Result[] results = new FixedRateRun.Result[2];
        for (int k = 0; k < 2; k++) {
          Endpoint e = both.get(k);
          results[k] =
              open.run(base + e.path(), e.method(), e.body(), headers(e), rate, rateDuration);
        }
        RateRound r = new RateRound(round, results[0], results[1]);
        rateRounds.add(r);
        progress(
            String.format(
                "open loop round %d at %d req/s: p99 baseline %.2f ms, licence %.2f ms, %.2fx",
                round, rate, results[0].p99Millis(), results[1].p99Millis(), r.p99Ratio()));
      }
      print(settings, rate, rateDuration, baseline, licence, wrkRounds, rateRounds);
      writeResults(settings, rate, wrkRounds, rateRounds);
    } catch (Exception | Error e) {
      if (stack != null) {
        PlatformBench.printLogTail(stack.liberty());
      }
      throw e;
    } finally {
      teardown.run();
    }
  }

  /** A measured wrk run and the CPU each side of the stack used during it. */
  private record Measured(WrkResult wrk, StackCpu.Reading cpu) {
    double libertyMicros() {
      return cpu.liberty() * 1e6 / wrk.requests();
    }

    double libertyKernelMicros() {
      return cpu.libertyKernel() * 1e6 / wrk.requests();
    }

    double postgresMicros() {
      return cpu.postgres() * 1e6 / wrk.requests();
    }
  }

  private record WrkRound(int round, Measured baseline, Measured licence) {
    double ratio() {
      return licence.wrk().requestsPerSecond() / baseline.wrk().requestsPerSecond();
    }
  }

  private record RateRound(int round, FixedRateRun.Result baseline, FixedRateRun.Result licence) {
    double p99Ratio() {
      return licence.p99Millis() / baseline.p99Millis();
    }

    boolean held(int rate) {
      return licence.achievedPerSecond() >= 0.98 * rate && licence.failed() == 0;
    }
  }

  private static Measured measure(
      WrkRun wrk, StackCpu cpu, String base, Endpoint e, String slug, int round)
      throws IOException, InterruptedException {
    StackCpu.Reading before = cpu.read();
    WrkResult r = wrk.measure(base, e, slug, slug + "-" + round);
    StackCpu.Reading used = cpu.read().minus(before);
    if (r.non2xx() + r.socketErrors() > 0) {
      throw new IllegalStateException(
          e.label()
              + ": "
              + (r.non2xx() + r.socketErrors())
              + " failed requests in round "
              + round);
    }
    return new Measured(r, used);
  }

  private static void print(
      BenchSettings settings,
      int rate,
      Duration rateDuration,
      Endpoint baseline,
      Endpoint licence,
      List<WrkRound> wrkRounds,
      List<RateRound> rateRounds) {
    System.out.println();
    Machine m = Machine.describe(Optional.empty());
    System.out.printf(
        "Machine  %s processors, %s, %s; Java %s%n",
        m.processors(), m.cpuModel(), m.memory(), m.java());
    System.out.printf("Baseline: %s; licence: %s%n%n", baseline.label(), licence.label());
    System.out.printf(
        "wrk -t%d -c%d, %d s warm-up each, then %d rounds of %d s baseline + %d s licence:%n%n",
        settings.threads(),
        settings.connections(),
        settings.warmUp().toSeconds(),
        wrkRounds.size(),
        settings.measure().toSeconds(),
        settings.measure().toSeconds());
    System.out.println(
        "| round | baseline req/s | licence req/s | licence p50 / p99 ms | ratio |"
            + " Liberty CPU µs/req (baseline, licence) | of which in the kernel |"
            + " PostgreSQL CPU µs/req (baseline, licence) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (WrkRound r : wrkRounds) {
      System.out.printf(
          "| %d | %,.0f | %,.0f | %.2f / %.2f | %.3fx | %.0f, %.0f | %.0f, %.0f | %.0f, %.0f |%n",
          r.round(),
          r.baseline().wrk().requestsPerSecond(),
          r.licence().wrk().requestsPerSecond(),
          r.licence().wrk().p50Millis(),
          r.licence().wrk().p99Millis(),
          r.ratio(),
          r.baseline().libertyMicros(),
          r.licence().libertyMicros(),
          r.baseline().libertyKernelMicros(),
          r.licence().libertyKernelMicros(),
          r.baseline().postgresMicros(),
          r.licence().postgresMicros());
    }
    System.out.printf(
        "%nMedian ratio: %.3fx (target at least 0.5x)%n%n",
        Rounds.median(wrkRounds, WrkRound::ratio));
    System.out.printf(
        "Fixed rate %d req/s, %d keep-alive connections, latency from each request's scheduled"
            + " time; %d rounds of %d s each:%n%n",
        rate, settings.connections(), rateRounds.size(), rateDuration.toSeconds());
    System.out.println(
        "| round | baseline p50 / p99 / p99.9 ms | licence p50 / p99 / p99.9 ms |"
            + " licence achieved/s | errors | p99 ratio |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (RateRound r : rateRounds) {
      System.out.printf(
          "| %d | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %,.0f | %d | %.2fx |%n",
          r.round(),
          r.baseline().p50Millis(),
          r.baseline().p99Millis(),
          r.baseline().p999Millis(),
          r.licence().p50Millis(),
          r.licence().p99Millis(),
          r.licence().p999Millis(),
          r.licence().achievedPerSecond(),
          r.licence().failed(),
          r.p99Ratio());
    }
    System.out.printf(
        "%nMedian p99 ratio: %.2fx (target at most 2x, with every round at the rate: %s)%n",
        Rounds.median(rateRounds, RateRound::p99Ratio),
        rateRounds.stream().allMatch(r -> r.held(rate)) ? "yes" : "no");
  }

  /**
   * bench/results/licence.json: the two licence targets, each judged on the median of the
   * rounds' ratios; the figures are the rounds' medians.
   */
  private static void writeResults(
      BenchSettings settings, int rate, List<WrkRound> wrk, List<RateRound> open)
      throws IOException {
    double rpsRatio = Rounds.median(wrk, WrkRound::ratio);
    double p99Ratio = Rounds.median(open, RateRound::p99Ratio);
    boolean rateHeld = open.stream().allMatch(r -> r.held(rate));
    new ResultsFile("licence", "SKIP_BUILD=1 bash bench/licence-bench.sh")
        .figure("wrkConnections", settings.connections())
        .figure("rounds", wrk.size())
        .figure("baselineRps", Rounds.median(wrk, r -> r.baseline().wrk().requestsPerSecond()))
        .figure("licenceRps", Rounds.median(wrk, r -> r.licence().wrk().requestsPerSecond()))
        .figure("licenceP50Ms", Rounds.median(wrk, r -> r.licence().wrk().p50Millis()))
        .figure("licenceP99Ms", Rounds.median(wrk, r -> r.licence().wrk().p99Millis()))
        .figure(
            "baselineLibertyCpuMicrosPerRequest",
            Rounds.median(wrk, r -> r.baseline().libertyMicros()))
        .figure(
            "licenceLibertyCpuMicrosPerRequest",
            Rounds.median(wrk, r -> r.licence().libertyMicros()))
        .figure(
            "baselineLibertyKernelMicrosPerRequest",
            Rounds.median(wrk, r -> r.baseline().libertyKernelMicros()))
        .figure(
            "licenceLibertyKernelMicrosPerRequest",
            Rounds.median(wrk, r -> r.licence().libertyKernelMicros()))
        .figure(
            "baselinePostgresCpuMicrosPerRequest",
            Rounds.median(wrk, r -> r.baseline().postgresMicros()))
        .figure(
            "licencePostgresCpuMicrosPerRequest",
            Rounds.median(wrk, r -> r.licence().postgresMicros()))
        .figure("rpsRatioPerRound", Rounds.each(wrk, WrkRound::ratio, "%.3f"))
        .figure("fixedRatePerSecond", rate)
        .figure("baselineAtRateP99Ms", Rounds.median(open, r -> r.baseline().p99Millis()))
        .figure("licenceAtRateP50Ms", Rounds.median(open, r -> r.licence().p50Millis()))
        .figure("licenceAtRateP99Ms", Rounds.median(open, r -> r.licence().p99Millis()))
        .figure(
            "licenceAtRateLowestAchieved",
            open.stream().mapToDouble(r -> r.licence().achievedPerSecond()).min().orElse(0))
        .figure("p99RatioPerRound", Rounds.each(open, RateRound::p99Ratio, "%.2f"))
        .ratio("licenceRpsVsBaseline", rpsRatio)
        .ratio("licenceP99VsBaselineP99AtRate", p99Ratio)
        .target(
            "rps",
            "licence wrk req/s at least 0.5x the trivial endpoint's (median of the rounds)",
            rpsRatio >= 0.5)
        .target(
            "p99AtRate",
            "licence p99 at "
                + rate
                + " req/s at most 2x the trivial endpoint's p99 at that rate (median of the rounds;"
                + " every round holding the rate without errors)",
            rateHeld && p99Ratio <= 2.0)
        .write();
  }

  private static List<String> headers(Endpoint e) {
    List<String> all = new ArrayList<>(e.headers());
    if (e.contentType() != null) {
      all.add("Content-Type: " + e.contentType());
    }
    return all;
  }

  /** Publishes a small title, subscribes the admin, registers a TV and starts a session. */
  private static Endpoint licenceEndpoint(MarqueeStack stack, Path home) throws Exception {
    MarqueeClient client = new MarqueeClient(stack.baseUrl());
    String admin = client.signIn(MarqueeStack.ADMIN_EMAIL, stack.adminPassword());
    Path master = home.resolve("master.mp4");
    new SyntheticMaster(640, 360, 25, 2, false, List.of("eng")).writeTo(master);
    progress("Ingesting and transcoding a 2 s title");
    String title = BenchStacks.publishTitle(client, admin, master, "Licence bench");
    String me = ((JsonObject) client.get("/api/accounts/me", admin)).getString("id");
    client.send(
        "PUT",
        "/api/admin/accounts/" + me + "/subscription",
        admin,
        "{\"plan\":\"UHD\",\"days\":1}",
        Map.of(),
        200);
    String device =
        ((JsonObject)
                client.send(
                    "POST",
                    "/api/accounts/me/devices",
                    admin,
                    "{\"name\":\"Bench TV\",\"type\":\"TV\"}",
                    Map.of(),
                    201))
            .getString("id");
    // Devices register as SOFTWARE; an administrator marks one hardware-secure (ADR 17).
    client.send(
        "PUT",
        "/api/admin/accounts/" + me + "/devices/" + device + "/security-level",
        admin,
        "{\"securityLevel\":\"HARDWARE\",\"reason\":\"Benchmark TV\"}",
        Map.of(),
        200);
    String profile =
        ((JsonArray) client.get("/api/accounts/me/profiles", admin))
            .getJsonObject(0)
            .getString("id");
    JsonObject session =
        (JsonObject)
            client.send(
                "POST",
                "/api/playback/sessions",
                admin,
                Json.createObjectBuilder()
                    .add("titleId", title)
                    .add("profileId", profile)
                    .add("deviceId", device)
                    .build()
                    .toString(),
                Map.of(),
                201);
    var kids = Json.createArrayBuilder();
    for (var v : session.getJsonObject("keyIds").values()) {
      UUID kid = UUID.fromString(((JsonString) v).getString());
      kids.add(
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  ByteBuffer.allocate(16)
                      .putLong(kid.getMostSignificantBits())
                      .putLong(kid.getLeastSignificantBits())
                      .array()));
    }
    String body =
        Json.createObjectBuilder().add("kids", kids).add("type", "temporary").build().toString();
    return new Endpoint(
        "POST /api/drm/licenses/clearkey (" + session.getJsonObject("keyIds").size() + " keys)",
        "POST",
        "/api/drm/licenses/clearkey",
        List.of("X-Playback-Session: " + session.getString("token")),
        "application/json",
        body,
        "verify the session token (HMAC) and the session row, entitlement, account/profile/device,"
            + " title and its licence terms, the keys (AES-GCM unwrap), concurrent streams, and an"
            + " audit row per request (committed in groups, ADR 0026).");
  }

  private static void progress(String message) {
    System.err.println("[bench] " + message);
  }
}
