package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two servers behind HAProxy, and one of them killed with {@code kill -9} while viewers use
 * Marquee: what was acknowledged stays, and the other server carries on (ADR 21). Each test prints
 * its figures.
 */
@ExtendWith(TwoServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerKillIT {
  private static String title;

  @BeforeAll
  static void publish() throws Exception {
    title = TwoServers.publishedTitle();
  }

  private static Api.Reply report(Api api, Viewer v, String device, long ms, Instant at) {
    return api.putJson(
        "/api/playback/positions",
        Json.createObjectBuilder()
            .add("titleId", title)
            .add("profileId", v.profileId())
            .add("deviceId", device)
            .add("positionSeconds", ms / 1000.0)
            .add("clientTime", at.toString())
            .add("event", "PERIODIC")
            .build()
            .toString(),
        v.token());
  }

  @Test
  @Order(1)
  void aPositionWrittenOnOneServerIsSeenOnTheOtherWithinTwoSeconds() throws Exception {
    Api one = TwoServers.server(0);
    Api two = TwoServers.server(1);
    Viewer v = Viewers.newViewer(one, "WEB", null);
    String deviceB = Viewers.device(two, v.token(), "TV", null);
    List<Long> millis = new ArrayList<>();
    for (int round = 1; round <= 5; round++) {
      long ms = round * 1500L;
      Api.Reply written = report(one, v, v.deviceId(), ms, Instant.now());
      assertThat(written.status()).as(written.toString()).isEqualTo(200);
      long start = System.nanoTime();
      long deadline = start + Duration.ofSeconds(2).toNanos();
      double seen = -1;
      while (System.nanoTime() < deadline) {
        var resume =
            two.get("/api/playback/positions/" + title + "?profileId=" + v.profileId(), v.token());
        if (resume.status() == 200) {
          seen = resume.json().getJsonNumber("positionSeconds").doubleValue();
          if (seen == ms / 1000.0) {
            break;
          }
        }
        Thread.sleep(20);
      }
      assertThat(seen).as("device B on server 2 sees device A's position").isEqualTo(ms / 1000.0);
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    System.out.printf(
        "[ServerKillIT] resume across servers: written on server 1, seen on server 2 after %s ms%n",
        millis);
  }

  @Test
  @Order(2)
  void everyPositionWriteAcknowledgedWhileAServerIsKilledIsInPostgresql() throws Exception {
    Api lb = TwoServers.api();
    int devices = 16;
    List<Viewer> viewers = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      viewers.add(Viewers.newViewer(lb, "WEB", null));
    }
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger acks = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Instant base = Instant.now().minusSeconds(60);
    ExecutorService pool = Executors.newFixedThreadPool(devices);
    List<Future<?>> writers = new ArrayList<>();
    for (Viewer v : viewers) {
      writers.add(
          pool.submit(
              () -> {
                long ms = 0;
                while (!stop.get() && ms < 19_000) {
                  ms += 10;
                  try {
                    Api.Reply r = report(lb, v, v.deviceId(), ms, base.plusMillis(ms));
                    if (r.status() / 100 == 2) {
                      acknowledged.put(v.profileId(), ms);
                      acks.incrementAndGet();
                    } else {
                      failures.incrementAndGet();
                    }
                  } catch (RuntimeException e) {
                    failures.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    try {
      awaitAcks(acks, 400);
      int before = acks.get();
      long killedAt = System.nanoTime();
      TwoServers.liberty(1).kill();
      awaitAcks(acks, before + 800);
      stop.set(true);
      for (Future<?> w : writers) {
        w.get();
      }
      long afterKillMs = (System.nanoTime() - killedAt) / 1_000_000;
      int missing = missingFromDatabase(title, viewers, acknowledged);
      System.out.printf(
          "[ServerKillIT] kill -9 during position writes: %d devices, %d writes acknowledged (%d"
              + " before the kill), %d failed or refused, %d ms of writes after the kill, %d"
              + " acknowledged writes missing from PostgreSQL%n",
          devices, acks.get(), before, failures.get(), afterKillMs, missing);
      assertThat(missing).isZero();
    } finally {
      stop.set(true);
      pool.shutdownNow();
      TwoServers.revive(1);
    }
  }

  private static void awaitAcks(AtomicInteger acks, int target) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (acks.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + acks.get() + " of " + target + " writes acknowledged");
      }
      Thread.sleep(20);
    }
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }

  /**
   * How many devices' last acknowledged position is not in PostgreSQL (stored below it, or not at
   * all); writes of one device rise, so the stored position is at least its last acknowledged.
   */
  static int missingFromDatabase(String title, List<Viewer> viewers, Map<String, Long> acknowledged)
      throws SQLException {
    int missing = 0;
    try (Connection db = TwoServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT position_ms FROM playback.positions WHERE profile_id = ?::uuid"
                    + " AND title_id = ?::uuid AND device_id = ?::uuid")) {
      for (Viewer v : viewers) {
        Long acked = acknowledged.get(v.profileId());
        assertThat(acked).as("every device had writes acknowledged").isNotNull();
        q.setString(1, v.profileId());
        q.setString(2, title);
        q.setString(3, v.deviceId());
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next() || rs.getLong(1) < acked) {
            missing++;
          }
        }
      }
    }
    return missing;
  }
}
