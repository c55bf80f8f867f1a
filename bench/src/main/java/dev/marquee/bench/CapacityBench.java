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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CPU cost per request kind on one server (issue 16's per-server cost, docs/capacity.md): for each
 * kind, wrk warms up (60 s by default), then a measured run; the CPU seconds the Liberty JVM and
 * PostgreSQL (the postmaster and its backends) used during the measured run, divided by the
 * requests it made, give CPU-seconds per 1,000 requests. Session starts are measured as
 * start-and-end pairs from this JVM (a viewer may hold only a few streams at once). CPU time,
 * unlike throughput, barely depends on what else loads the machine.
 */
public final class CapacityBench {
  private CapacityBench() {}

  /** One measured kind. */
  record Cost(String kind, long requests, double libertyCpuSeconds, double postgresCpuSeconds) {
    double libertyPerThousand() {
      return libertyCpuSeconds * 1000 / requests;
    }

    double postgresPerThousand() {
      return postgresCpuSeconds * 1000 / requests;
    }
  }

  public static void main(String[] args) throws Exception {
    // JIT and pools settle within about a minute of load (ADR 46); each request kind gets that.
    BenchSettings settings = BenchSettings.fromSystemProperties(Duration.ofSeconds(60));
    Path home = Files.createTempDirectory("marquee-capacity-bench-");
    Teardown teardown = new Teardown(home);
    Runtime.getRuntime().addShutdownHook(new Thread(teardown, "marquee-bench-teardown"));
    try {
      MarqueeStack stack =
          BenchStacks.loopback(home)
              .environment("MARQUEE_PLAYBACK_SESSION_TIMEOUT", "PT2H")
              .build();
      teardown.stack(stack);
      progress("Starting the stack in " + home);
      stack.start();
      String base = stack.baseUrl();
      MarqueeClient client = new MarqueeClient(base);
      String admin = client.signIn(MarqueeStack.ADMIN_EMAIL, stack.adminPassword());
      Path master = home.resolve("master.mp4");
      new SyntheticMaster(1280, 720, 25, 6, false, List.of("eng")).writeTo(master);
      progress("Ingesting and transcoding a 6 s 720p title");
      String title = BenchStacks.publishTitle(client, admin, master, "Capacity bench");
      PlaybackSetup play = PlaybackSetup.of(client, admin, title);
      SignedSegments segments = new SignedSegments(home);
      String segment = segments.originPath(segments.videoSegmentNear(360_000));
      JsonObject session = play.startSession();
      String auth = "Authorization: Bearer " + admin;
      String sessionHeader = "X-Playback-Session: " + session.getString("token");
      String manifest =
          session.getJsonObject("manifests").getString("dash").replaceFirst("^https?://[^/]+", "");
      List<Endpoint> endpoints =
          List.of(
              Endpoint.get("catalog shelf", "/api/catalog/titles?limit=20", List.of(auth), null),
              Endpoint.get("manifest (DASH)", manifest, List.of(sessionHeader), null),
              new Endpoint(
                  "licence",
                  "POST",
                  "/api/drm/licenses/clearkey",
                  List.of(sessionHeader),
                  "application/json",
                  play.licenceBody(session),
                  null),
              new Endpoint(
                  "position write",
                  "PUT",
                  "/api/playback/positions",
                  List.of(auth),
                  "application/json",
                  play.positionBody(),
                  null),
              Endpoint.get("segment (origin, ~360 KB)", segment, List.of(), null));
      StackCpu cpu =
          new StackCpu(
              ServerFootprint.libertyJvm(stack.liberty().pid()),
              home.resolve("postgres/postmaster.pid"));
      WrkRun wrk = new WrkRun(settings, Files.createDirectories(home.resolve("wrk")));
      List<Cost> costs = new ArrayList<>();
      costs.add(sessions(play, cpu));
      for (Endpoint e : endpoints) {
        progress("wrk: " + e.label());
        StackCpu.Reading[] before = new StackCpu.Reading[1];
        WrkResult r =
            wrk.warmUpAndMeasure(
                base, e, e.label().replaceAll("[^a-z]+", "-"), () -> before[0] = cpu.read());
        if (r.non2xx() + r.socketErrors() > 0) {
          throw new IllegalStateException(e.label() + ": " + r.non2xx() + " non-2xx answers");
        }
        StackCpu.Reading used = cpu.read().minus(before[0]);
        costs.add(new Cost(e.label(), r.requests(), used.liberty(), used.postgres()));
      }
      Machine m = Machine.describe(Optional.empty());
      System.out.printf(
          "%nMachine  %s processors, %s, %s; Java %s; wrk -t%d -c%d, %d s measured%n%n",
          m.processors(),
          m.cpuModel(),
          m.memory(),
          m.java(),
          settings.threads(),
          settings.connections(),
          settings.measure().toSeconds());
      System.out.println(
          "| request | requests | Liberty CPU-s / 1,000 | PostgreSQL CPU-s / 1,000 |");
      System.out.println("|---|---:|---:|---:|");
      ResultsFile results = new ResultsFile("capacity", "bash bench/capacity-bench.sh");
      for (Cost c : costs) {
        System.out.printf(
            "| %s | %,d | %.3f | %.3f |%n",
            c.kind(), c.requests(), c.libertyPerThousand(), c.postgresPerThousand());
        String slug = c.kind().replaceAll("[^A-Za-z]+", "_");
        results.figure(slug + "LibertyCpuSecondsPer1000", c.libertyPerThousand());
        results.figure(slug + "PostgresCpuSecondsPer1000", c.postgresPerThousand());
      }
      results.write();
    } finally {
      teardown.run();
    }
  }

  /** Start-and-end pairs from four threads; the cost is per pair. */
  private static Cost sessions(PlaybackSetup play, StackCpu cpu) throws Exception {
    int pairs = Integer.getInteger("bench.sessionPairs", 400);
    for (int i = 0; i < 50; i++) {
      play.stop(play.startSession());
    }
    StackCpu.Reading before = cpu.read();
    for (int i = 0; i < pairs; i++) {
      play.stop(play.startSession());
    }
    StackCpu.Reading used = cpu.read().minus(before);
    return new Cost("session start + end", pairs, used.liberty(), used.postgres());
  }

  /** The admin as a subscribed viewer with a hardware-secure TV, starting sessions of a title. */
  record PlaybackSetup(
      MarqueeClient client, String admin, String title, String profile, String device) {
    static PlaybackSetup of(MarqueeClient client, String admin, String title) throws Exception {
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
                      "{\"name\":\"Capacity TV\",\"type\":\"TV\"}",
                      Map.of(),
                      201))
              .getString("id");
      String profile =
          ((JsonArray) client.get("/api/accounts/me/profiles", admin))
              .getJsonObject(0)
              .getString("id");
      return new PlaybackSetup(client, admin, title, profile, device);
    }

    JsonObject startSession() throws Exception {
      return (JsonObject)
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
    }

    void stop(JsonObject session) throws Exception {
      client.send(
          "DELETE",
          "/api/playback/sessions/" + session.getString("sessionId"),
          admin,
          null,
          Map.of(),
          204);
    }

    String licenceBody(JsonObject session) {
      var kids = Json.createArrayBuilder();
      session.getJsonObject("keyIds").values().stream()
          .map(v -> ((JsonString) v).getString())
          .map(CapacityBench::base64Url)
          .forEach(kids::add);
      return Json.createObjectBuilder()
          .add("kids", kids)
          .add("type", "temporary")
          .build()
          .toString();
    }

    String positionBody() {
      return Json.createObjectBuilder()
          .add("titleId", title)
          .add("profileId", profile)
          .add("deviceId", device)
          .add("positionSeconds", 3.0)
          .add("clientTime", Instant.now().toString())
          .add("event", "PERIODIC")
          .build()
          .toString();
    }
  }

  private static String base64Url(String uuid) {
    UUID u = UUID.fromString(uuid);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits())
                .array());
  }

  private static void progress(String message) {
    System.err.println("[bench] " + message);
  }
}
