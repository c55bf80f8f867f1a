package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.LoadBalancer;
import dev.marquee.devstack.RollingRestart;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load balancer of the two-server stack as viewers meet it (ADR 33): HTTPS with HSTS, plain
 * HTTP redirected; and every server restarted one at a time under load without a single failed
 * request.
 */
@ExtendWith(TwoServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingRestartIT {
  private static final int CLIENTS = 6;

  private static String title;

  @BeforeAll
  static void publish() throws Exception {
    title = TwoServers.publishedTitle();
  }

  @Test
  @Order(1)
  void plainHttpIsRedirectedToHttpsWhereMarqueeSendsHsts() {
    Api http = TwoServers.plainHttp();
    String https = TwoServers.stack().baseUrl();
    assertThat(https).startsWith("https://127.0.0.1:");

    Api.Reply page = http.get("/player/?autoplay=1");
    assertThat(page.status()).isEqualTo(308);
    assertThat(page.header("Location")).contains(https + "/player/?autoplay=1");
    Api.Reply token = http.postForm("/api/oauth/token", Map.of("grant_type", "password"));
    assertThat(token.status()).as("a POST keeps its method: 308, not 301").isEqualTo(308);
    assertThat(token.header("Location")).contains(https + "/api/oauth/token");
    // Monitors and the devstack's own checks read health over plain HTTP.
    assertThat(http.get("/health/ready").status()).isEqualTo(200);

    Api.Reply secure = TwoServers.api().get("/player/");
    assertThat(secure.status()).isEqualTo(200);
    assertThat(secure.header("Strict-Transport-Security"))
        .contains("max-age=31536000; includeSubDomains");
    // The balancer replaces what a client claims: HTTPS stays HTTPS.
    Api.Reply claimed =
        TwoServers.api()
            .send("GET", "/api/platform/info", null, Map.of("X-Forwarded-Proto", "http"));
    assertThat(claimed.status()).isEqualTo(200);
    assertThat(claimed.header("Strict-Transport-Security")).isPresent();
    // A server reached directly over HTTP (no TLS anywhere) pins nothing.
    assertThat(TwoServers.server(0).get("/player/").header("Strict-Transport-Security")).isEmpty();
    System.out.printf(
        "[RollingRestartIT] plain HTTP %s -> 308 %s; HTTPS answers with HSTS%n",
        TwoServers.stack().balancer().orElseThrow().url(), https);
  }

  /** What the clients did, by kind of request. */
  private static final class Tally {
    final Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    final Queue<String> failures = new ConcurrentLinkedQueue<>();
    final AtomicInteger total = new AtomicInteger();

    /** Sends one request; true when it got the expected status. */
    boolean run(String kind, int expected, Supplier<Api.Reply> request) {
      String outcome;
      try {
        Api.Reply reply = request.get();
        outcome = reply.status() == expected ? null : reply.status() + " " + reply.body();
      } catch (RuntimeException e) {
        outcome = e.toString();
      }
      total.incrementAndGet();
      if (outcome == null) {
        ok.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
      } else {
        failed.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (failures.size() < 20) {
          failures.add(kind + ": " + outcome);
        }
      }
      return outcome == null;
    }

    int failedCount() {
      return failed.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  @Test
  @Order(2)
  void restartingEveryServerInTurnUnderLoadFailsNoRequest() throws Exception {
    // As patient as the balancer (timeout server 60s): a request the machine is slow to answer is
    // not one the restart failed.
    Api lb = TwoServers.api().patient(Duration.ofSeconds(60));
    String admin = TwoServers.admin();
    List<Viewer> viewers = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Viewer v = Viewers.newViewer(lb, "WEB", null);
      Viewers.subscribe(lb, admin, v, "HD");
      viewers.add(v);
    }
    long[] pids = {TwoServers.liberty(0).pid(), TwoServers.liberty(1).pid()};
    Tally tally = new Tally();
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    // Bounded: the loop ends when told to, and at the latest after 25 minutes.
    long deadline = System.nanoTime() + Duration.ofMinutes(25).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (Viewer v : viewers) {
      clients.add(
          pool.submit(
              () -> {
                int round = 0;
                while (!stop.get() && System.nanoTime() < deadline) {
                  round++;
                  tally.run(
                      "catalog", 200, () -> lb.get("/api/catalog/titles?limit=20", v.token()));
                  // Within the 20 s title; the client time rises, so the last write wins.
                  long at = (round % 15 + 1) * 1000L;
                  if (tally.run("position", 200, () -> position(lb, v, at, Instant.now()))) {
                    acknowledged.put(v.profileId(), at);
                  }
                  if (round % 4 == 0) {
                    play(lb, v, tally);
                  }
                  Thread.sleep(50);
                }
                return null;
              }));
    }
    List<RollingRestart.Step> steps;
    try {
      awaitRequests(tally, 150);
      int beforeRestart = tally.total.get();
      steps = TwoServers.stack().rollingRestart(line -> System.out.println("[rolling] " + line));
      int duringRestart = tally.total.get() - beforeRestart;
      // Both restarted servers carry the load for a while before the clients stop.
      awaitRequests(tally, tally.total.get() + 150);
      stop.set(true);
      for (Future<?> c : clients) {
        c.get();
      }
      System.out.printf(
          "[RollingRestartIT] %d clients, %d requests (%d while the servers restarted): ok %s,"
              + " failed %s %s; restarts (drain/stop/start ms) %s%n",
          CLIENTS, tally.total.get(), duringRestart, tally.ok, tally.failed, tally.failures, steps);
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    assertThat(steps).hasSize(2);
    assertThat(TwoServers.liberty(0).pid()).as("server 1 is a new JVM").isNotEqualTo(pids[0]);
    assertThat(TwoServers.liberty(1).pid()).as("server 2 is a new JVM").isNotEqualTo(pids[1]);
    LoadBalancer balancer = TwoServers.stack().balancer().orElseThrow();
    assertThat(balancer.state(1).up()).isTrue();
    assertThat(balancer.state(2).up()).isTrue();
    assertThat(tally.failures).as("failed requests").isEmpty();
    assertThat(tally.ok.keySet())
        .containsExactlyInAnyOrder("catalog", "position", "session", "manifest", "licence", "end");
    assertThat(tally.failedCount()).isZero();
    assertThat(missingPositions(viewers, acknowledged)).isZero();
  }

  private static Api.Reply position(Api api, Viewer v, long ms, Instant at) {
    return api.putJson(
        "/api/playback/positions",
        Json.createObjectBuilder()
            .add("titleId", title)
            .add("profileId", v.profileId())
            .add("deviceId", v.deviceId())
            .add("positionSeconds", ms / 1000.0)
            .add("clientTime", at.toString())
            .add("event", "PERIODIC")
            .build()
            .toString(),
        v.token());
  }

  /** A session, its DASH manifest, a licence for its keys, and the end of the session. */
  private static void play(Api api, Viewer v, Tally tally) {
    JsonObject[] session = new JsonObject[1];
    tally.run(
        "session",
        201,
        () -> {
          Api.Reply r = Viewers.startSession(api, v, v.deviceId(), title);
          if (r.status() == 201) {
            session[0] = r.json();
          }
          return r;
        });
    if (session[0] == null) {
      return;
    }
    tally.run("manifest", 200, () -> Viewers.manifest(api, session[0], "dash"));
    String[] kids =
        session[0].getJsonObject("keyIds").values().stream()
            .map(k -> ((JsonString) k).getString())
            .toArray(String[]::new);
    tally.run(
        "licence",
        200,
        () ->
            api.send(
                "POST",
                "/api/drm/licenses/clearkey",
                Viewers.clearKeyRequest("temporary", kids),
                Map.of(
                    "X-Playback-Session",
                    session[0].getString("token"),
                    "X-Viewer-Country",
                    "GB")));
    tally.run(
        "end",
        204,
        () -> api.delete("/api/playback/sessions/" + session[0].getString("sessionId"), v.token()));
  }

  private static void awaitRequests(Tally tally, int target) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (tally.total.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + tally.total.get() + " of " + target + " requests made");
      }
      Thread.sleep(50);
    }
  }

  /** Devices whose last acknowledged position is not the one PostgreSQL has. */
  private static int missingPositions(List<Viewer> viewers, Map<String, Long> acknowledged)
      throws Exception {
    int missing = 0;
    try (Connection db = TwoServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT position_ms FROM playback.positions WHERE profile_id = ?::uuid"
                    + " AND title_id = ?::uuid AND device_id = ?::uuid")) {
      for (Viewer v : viewers) {
        Long acked = acknowledged.get(v.profileId());
        assertThat(acked).as("every client had position writes acknowledged").isNotNull();
        q.setString(1, v.profileId());
        q.setString(2, title);
        q.setString(3, v.deviceId());
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next() || rs.getLong(1) != acked) {
            missing++;
          }
        }
      }
    }
    return missing;
  }
}
