package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.LibertyServer;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared dependencies of the two-server stack restarted under load, as an operator or a
 * failover would: PostgreSQL stopped and started while viewers write positions through the
 * balancer, and the messaging server killed while a title is ingested. While a dependency is away,
 * answers are quick problem JSON with Retry-After (from a server, or from the balancer once no
 * server is ready); afterwards both servers serve again without being restarted, and nothing
 * acknowledged is lost. Each test prints its figures.
 */
@ExtendWith(TwoServers.class)
class DependencyRestartIT {
  private static String title;

  @BeforeAll
  static void publish() throws Exception {
    title = TwoServers.publishedTitle();
  }

  @Test
  void postgresqlRestartedUnderLoadFailsFastAndBothServersRecoverWithNothingLost()
      throws Exception {
    Api lb = TwoServers.api();
    int devices = 8;
    List<Viewer> viewers = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      viewers.add(Viewers.newViewer(lb, "WEB", null));
    }
    // Calls straight to a server use a viewer of their own: the writers' stored positions stay
    // theirs.
    Viewer probe = Viewers.newViewer(lb, "WEB", null);
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    List<String> wrongAnswers = new ArrayList<>();
    AtomicInteger acks = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Instant base = Instant.now().minusSeconds(600);
    ExecutorService pool = Executors.newFixedThreadPool(devices);
    List<Future<?>> writers = new ArrayList<>();
    for (Viewer v : viewers) {
      writers.add(
          pool.submit(
              () -> {
                long ms = 0;
                while (!stop.get()) {
                  ms += 10;
                  // Thrown (a request unanswered within the client's 30 s) fails the test below.
                  Api.Reply r = position(lb, v, ms, base.plusMillis(ms));
                  if (r.status() / 100 == 2) {
                    acknowledged.put(v.profileId(), ms);
                    acks.incrementAndGet();
                  } else if (r.status() == 503
                      && r.header("Retry-After").isPresent()
                      && r.contentType().startsWith("application/problem+json")) {
                    refusals
                        .computeIfAbsent(r.problemType(), k -> new AtomicInteger())
                        .incrementAndGet();
                    Thread.sleep(50);
                  } else {
                    synchronized (wrongAnswers) {
                      wrongAnswers.add(r.toString());
                    }
                  }
                }
                return null;
              }));
    }
    var database = TwoServers.stack().database();
    try {
      await("writes acknowledged before the outage", () -> acks.get() >= 200);
      database.stop();
      long stoppedAt = System.nanoTime();
      try {
        await(
            "the balancer answering for servers without their database",
            () -> count(refusals, "no-server-ready") >= 20);
        // Straight to a server: it stays alive, says why it is not ready, refuses with 503.
        for (int i = 0; i < 2; i++) {
          Api server = TwoServers.server(i);
          assertThat(server.get("/health/live").status()).isEqualTo(200);
          var ready = server.get("/health/ready");
          assertThat(ready.status()).isEqualTo(503);
          assertThat(ready.body()).contains("database");
          assertProblem(position(server, probe, 1, Instant.now()), 503, "database-unavailable");
        }
      } finally {
        database.start();
      }
      long downMs = (System.nanoTime() - stoppedAt) / 1_000_000;
      int before = acks.get();
      await("both servers ready again", () -> ready(0) && ready(1));
      await("writes acknowledged again through the balancer", () -> acks.get() >= before + 200);
      stop.set(true);
      for (Future<?> w : writers) {
        w.get();
      }
      // Each server, not restarted, serves a database request again.
      for (int i = 0; i < 2; i++) {
        assertThat(position(TwoServers.server(i), probe, 1, Instant.now()).status())
            .as("server %d after the restart", i + 1)
            .isEqualTo(200);
      }
      int missing = ServerKillIT.missingFromDatabase(title, viewers, acknowledged);
      System.out.printf(
          "[DependencyRestartIT] PostgreSQL stopped %d ms under %d devices' position writes:"
              + " %d acknowledged, refused with 503 + Retry-After %s, other answers %d, %d"
              + " acknowledged writes missing afterwards%n",
          downMs, devices, acks.get(), refusals, wrongAnswers.size(), missing);
      assertThat(wrongAnswers).as("answers other than 2xx or 503 problem JSON").isEmpty();
      assertThat(missing).isZero();
    } finally {
      stop.set(true);
      pool.shutdownNow();
      if (!database.isRunning()) {
        database.start();
      }
    }
  }

  @Test
  void aTitleIngestedWhileTheBrokerIsDownPublishesOnceItIsBack() throws Exception {
    LibertyServer broker = TwoServers.stack().messagingServer().orElseThrow();
    Path master = Files.createTempDirectory("broker-restart").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 8, false, List.of("eng")).writeTo(master);
    Api lb = TwoServers.api();
    String creator = Creators.newCreator(lb, TwoServers.stack().adminPassword());
    Viewer viewer = Viewers.newViewer(lb, "WEB", null);

    broker.kill();
    String ingested;
    try {
      // Viewing does not need the broker: both servers stay ready and serve.
      for (int i = 0; i < 2; i++) {
        assertThat(TwoServers.server(i).get("/health/ready").status())
            .as("server %d while the broker is away", i + 1)
            .isEqualTo(200);
        assertThat(position(TwoServers.server(i), viewer, 1000, Instant.now()).status())
            .isEqualTo(200);
      }
      // The upload is acknowledged while the broker is away; its transcode needs the broker.
      ingested = Creators.ingest(lb, creator, master);
    } finally {
      broker.start();
    }
    long backAt = System.nanoTime();
    Creators.awaitPublished(lb, creator, ingested, Duration.ofMinutes(6));
    System.out.printf(
        "[DependencyRestartIT] broker killed before an upload: the upload was acknowledged, and"
            + " the title published %d ms after the broker was started again%n",
        (System.nanoTime() - backAt) / 1_000_000);
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

  private static boolean ready(int server) {
    return TwoServers.server(server).get("/health/ready").status() == 200;
  }

  private static int count(Map<String, AtomicInteger> refusals, String type) {
    AtomicInteger n = refusals.get(type);
    return n == null ? 0 : n.get();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 2 minutes: " + what);
      }
      Thread.sleep(50);
    }
  }
}
