package dev.marquee.bench;

import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The licence server under load (run it with {@code bash bench/licence-bench.sh}): wrk at full
 * speed and an open-loop run at a fixed rate, each against the ClearKey licence endpoint and, on
 * the same server in the same run, a trivial endpoint; prints both with ratios.
 */
public final class LicenceBench {
  private LicenceBench() {}

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    int rate = Integer.getInteger("bench.rate", 1000);
    Duration rateDuration = Duration.ofSeconds(Integer.getInteger("bench.rateSeconds", 20));
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

      WrkRun wrk = new WrkRun(settings, Files.createDirectories(home.resolve("wrk")));
      List<String> lines = new ArrayList<>();
      List<WrkResult> wrkResults = new ArrayList<>();
      List<FixedRateRun.Result> rateResults = new ArrayList<>();
      WrkResult b = null;
      for (Endpoint e : List.of(baseline, licence)) {
        progress("wrk: " + e.label());
        WrkResult r = wrk.warmUpAndMeasure(base, e, e == baseline ? "baseline" : "licence");
        if (b == null) {
          b = r;
        }
        wrkResults.add(r);
        progress(
            String.format(
                "%s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms",
                e.label(), r.requestsPerSecond(), r.p50Millis(), r.p99Millis()));
        lines.add(
            String.format(
                "| %s | %,.0f | %.2f | %.2f | %d | %.3fx |",
                e.label(),
                r.requestsPerSecond(),
                r.p50Millis(),
                r.p99Millis(),
                r.non2xx() + r.socketErrors(),
                r.requestsPerSecond() / b.requestsPerSecond()));
      }
      FixedRateRun open = new FixedRateRun(settings.connections());
      List<String> rateLines = new ArrayList<>();
      for (Endpoint e : List.of(baseline, licence)) {
        progress(
            "open loop at " + rate + " req/s for " + rateDuration.toSeconds() + " s: " + e.label());
        // Warm-up at the same rate, discarded.
        open.run(base + e.path(), e.method(), e.body(), headers(e), rate, Duration.ofSeconds(5));
        FixedRateRun.Result r =
            open.run(base + e.path(), e.method(), e.body(), headers(e), rate, rateDuration);
        rateResults.add(r);
        rateLines.add(
            String.format(
                "| %s | %,d | %,.0f | %,d | %,d | %d | %.2f | %.2f | %.2f |",
                e.label(),
                r.ratePerSecond(),
                r.achievedPerSecond(),
                r.sent(),
                r.unsent(),
                r.failed(),
                r.p50Millis(),
                r.p99Millis(),
                r.p999Millis()));
      }
      System.out.println();
      Machine m = Machine.describe(java.util.Optional.empty());
      System.out.printf(
          "Machine  %s processors, %s, %s; Java %s%n",
          m.processors(), m.cpuModel(), m.memory(), m.java());
      System.out.println();
      System.out.printf(
          "wrk -t%d -c%d, %d s warm-up + %d s measured:%n%n",
          settings.threads(),
          settings.connections(),
          settings.warmUp().toSeconds(),
          settings.measure().toSeconds());
      System.out.println("| Endpoint | req/s | p50 ms | p99 ms | errors | ratio |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      lines.forEach(System.out::println);
      System.out.println();
      System.out.printf(
          "Fixed rate (%d keep-alive connections, latency from each request's scheduled time):%n%n",
          settings.connections());
      System.out.println(
          "| Endpoint | target/s | achieved/s | sent | unsent | errors | p50 ms | p99 ms | p99.9 ms |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
      rateLines.forEach(System.out::println);
      writeResults(settings, rate, wrkResults, rateResults);
    } catch (Exception | Error e) {
      if (stack != null) {
        PlatformBench.printLogTail(stack.liberty());
      }
      throw e;
    } finally {
      teardown.run();
    }
  }

  /** bench/results/licence.json: the two licence targets. */
  private static void writeResults(
      BenchSettings settings, int rate, List<WrkResult> wrk, List<FixedRateRun.Result> open)
      throws java.io.IOException {
    WrkResult base = wrk.get(0);
    WrkResult lic = wrk.get(1);
    FixedRateRun.Result baseOpen = open.get(0);
    FixedRateRun.Result licOpen = open.get(1);
    double rpsRatio = lic.requestsPerSecond() / base.requestsPerSecond();
    double p99Ratio = licOpen.p99Millis() / baseOpen.p99Millis();
    boolean rateHeld = licOpen.achievedPerSecond() >= 0.98 * rate && licOpen.failed() == 0;
    new ResultsFile("licence", "SKIP_BUILD=1 bash bench/licence-bench.sh")
        .figure("wrkConnections", settings.connections())
        .figure("baselineRps", base.requestsPerSecond())
        .figure("baselineP99Ms", base.p99Millis())
        .figure("licenceRps", lic.requestsPerSecond())
        .figure("licenceP50Ms", lic.p50Millis())
        .figure("licenceP99Ms", lic.p99Millis())
        .figure("licenceErrors", lic.non2xx() + lic.socketErrors())
        .figure("fixedRatePerSecond", rate)
        .figure("baselineAtRateAchieved", baseOpen.achievedPerSecond())
        .figure("baselineAtRateP99Ms", baseOpen.p99Millis())
        .figure("licenceAtRateAchieved", licOpen.achievedPerSecond())
        .figure("licenceAtRateP50Ms", licOpen.p50Millis())
        .figure("licenceAtRateP99Ms", licOpen.p99Millis())
        .figure("licenceAtRateErrors", licOpen.failed())
        .ratio("licenceRpsVsBaseline", rpsRatio)
        .ratio("licenceP99VsBaselineP99AtRate", p99Ratio)
        .target("rps", "licence wrk req/s at least 0.5x the trivial endpoint's", rpsRatio >= 0.5)
        .target(
            "p99AtRate",
            "licence p99 at " + rate + " req/s at most 2x the trivial endpoint's p99 at that rate",
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
