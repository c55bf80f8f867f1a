package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.LibertyServer;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The licence audit is written in groups (ADR 0026), and still every licence decision a client was
 * answered, granted or denied, is in the trail after a crash in the middle of licence traffic: of
 * the server (kill -9), or of PostgreSQL (a backend killed, so that the postmaster throws away its
 * shared memory, WAL buffers included, and recovers from the WAL on disk; ADR 54).
 */
@ExtendWith(RunningMarquee.class)
class LicenceAuditCrashIT {
  private static final int CLIENTS = 6;
  private static final int ACKNOWLEDGED_BEFORE_CRASH = 150;
  private final Api api = RunningMarquee.api();

  @Test
  void everyAcknowledgedLicenceIsInTheAuditTrailAfterTheServerIsKilled() throws Exception {
    LibertyServer liberty = RunningMarquee.stack().liberty();
    Load load = licenceLoadUntil(liberty::kill);
    assertThat(load.attempted)
        .as("requests still in flight when the server died")
        .isGreaterThan(load.acked + load.refused);
    liberty.start();
    liberty.awaitReady(Duration.ofMinutes(3));
    load.assertAllInTrail(Viewers.admin(api));
  }

  @Test
  void everyAcknowledgedLicenceIsInTheAuditTrailAfterPostgresCrashes() throws Exception {
    MarqueeStack stack = RunningMarquee.stack();
    try (Connection witness = Database.connect()) {
      // The embedded default commits durably (ADR 54): a commit is flushed before it is answered.
      assertThat(setting(witness, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(witness, "fsync")).isEqualTo("on");
      // Servers listen for notifications once a device first subscribes to its positions.
      int listening = listeners(witness);
      Load load =
          licenceLoadUntil(
              () -> {
                try (Connection c = Database.connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                  rs.next();
                  long backend = rs.getLong(1);
                  ProcessHandle process =
                      ProcessHandle.of(backend)
                          .orElseThrow(() -> new AssertionError("no backend process " + backend));
                  assertThat(process.destroyForcibly()).as("SIGKILL sent to " + backend).isTrue();
                  process.onExit().get();
                }
              });
      // The postmaster answers a killed backend by ending every other one, this witness's too,
      // and recovering from the WAL on disk: a crash, not one lost connection.
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (witnessAlive(witness)) {
        assertThat(System.nanoTime())
            .as("PostgreSQL ended the other backends")
            .isLessThan(deadline);
        Thread.sleep(10); // polling for the crash to reach the witness
      }
      // Every server answers again once PostgreSQL has recovered and its pool has dropped the dead
      // connections, and listens for notifications again (later tests expect pushes).
      for (LibertyServer server : stack.servers()) {
        server.awaitReady(Duration.ofMinutes(2));
      }
      String admin = null;
      while (admin == null) {
        try {
          admin = Viewers.admin(api);
        } catch (AssertionError | RuntimeException recovering) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError(
                "the server did not recover from PostgreSQL's crash", recovering);
          }
          Thread.sleep(100); // asking again for a recovered server, not waiting for a time to pass
        }
      }
      while (api.get("/api/drm/audit?limit=1", admin).status() != 200) {
        assertThat(System.nanoTime()).as("the audit trail readable again").isLessThan(deadline);
        Thread.sleep(100); // asking again for a recovered server, not waiting for a time to pass
      }
      load.assertAllInTrail(admin);
      awaitListening(listening, deadline);
      // The session (two minutes without a heartbeat by default) is still live: a few seconds
      // have passed since it started.
      Api.Reply after = load.request();
      assertThat(after.status()).as("a licence after recovery: " + after).isEqualTo(200);
    }
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
      r.next();
      return r.getString(1);
    }
  }

  /** Whether the connection's backend still answers. */
  private static boolean witnessAlive(Connection witness) {
    try (Statement s = witness.createStatement()) {
      s.execute("SELECT 1");
      return true;
    } catch (SQLException ended) {
      return false;
    }
  }

  /** The servers' notification listeners connected now. */
  private static int listeners(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE application_name = 'marquee-notifications'")) {
      r.next();
      return r.getInt(1);
    }
  }

  /** Polls until as many notification listeners as before the crash have connected again. */
  private static void awaitListening(int before, long deadline) throws Exception {
    try (Connection c = Database.connect()) {
      while (listeners(c) < before) {
        assertThat(System.nanoTime()).as("every listener connected again").isLessThan(deadline);
        Thread.sleep(100); // polling for the listeners to reconnect
      }
    }
  }

  /** What a crash action interrupts. */
  private interface Crash {
    void now() throws Exception;
  }

  /**
   * Licence traffic from {@value #CLIENTS} clients on one viewer's session until at least {@value
   * #ACKNOWLEDGED_BEFORE_CRASH} decisions are answered; then the crash, and the counts.
   */
  private Load licenceLoadUntil(Crash crash) throws Exception {
    Path master = Files.createTempDirectory("licence-crash-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 4, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    String title = Creators.ingest(api, creator, master);
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(3));
    Viewer v = Viewers.newViewer(api, "TV", "HARDWARE");
    Viewers.subscribe(api, Viewers.admin(api), v, "UHD");
    var started = Viewers.startSession(api, v, v.deviceId(), title);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    JsonObject session = started.json();
    String[] kids =
        session.getJsonObject("keyIds").values().stream()
            .map(k -> ((JsonString) k).getString())
            .toArray(String[]::new);
    Load load =
        new Load(
            v,
            Viewers.clearKeyRequest("temporary", kids),
            Map.of("X-Playback-Session", session.getString("token"), "X-Viewer-Country", "GB"));
    // A denial by the session check is audited before the session, and so the account, is known:
    // denials are counted over the whole trail.
    load.deniedBefore = audited(Viewers.admin(api), null, "DENIED");
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicInteger denied = new AtomicInteger();
    AtomicInteger otherAnswers = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  sent.incrementAndGet();
                  Api.Reply reply;
                  try {
                    reply = load.request();
                  } catch (RuntimeException serverGone) {
                    return;
                  }
                  if (reply.status() == 200) {
                    acknowledged.incrementAndGet();
                  } else if (reply.status() == 403) {
                    denied.incrementAndGet();
                  } else {
                    // Not acknowledged (the crash reached this request); the client stops.
                    otherAnswers.incrementAndGet();
                    return;
                  }
                }
              },
              "licence-client-" + i);
      t.start();
      clients.add(t);
    }
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (acknowledged.get() + denied.get() < ACKNOWLEDGED_BEFORE_CRASH
          && otherAnswers.get() == 0
          && System.nanoTime() < deadline) {
        Thread.sleep(5); // polling the clients' count, not waiting for time to pass
      }
      assertThat(otherAnswers.get()).as("answers other than 200 or 403 before the crash").isZero();
      crash.now();
    } finally {
      // A client the crash did not reach (its requests kept being answered) stops here.
      stop.set(true);
      for (Thread t : clients) {
        t.join(Duration.ofMinutes(2).toMillis());
        assertThat(t.isAlive()).as(t.getName() + " still sending").isFalse();
      }
    }
    load.acked = acknowledged.get();
    load.refused = denied.get();
    load.attempted = sent.get();
    assertThat(load.acked).as("licences granted before the crash").isPositive();
    assertThat(load.acked + load.refused)
        .as("decisions answered before the crash")
        .isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_CRASH);
    return load;
  }

  /** One viewer's licence traffic and what its clients were answered. */
  private final class Load {
    final Viewer viewer;
    final String body;
    final Map<String, String> headers;
    int deniedBefore;
    int acked;
    int refused;
    int attempted;

    Load(Viewer viewer, String body, Map<String, String> headers) {
      this.viewer = viewer;
      this.body = body;
      this.headers = headers;
    }

    Api.Reply request() {
      return api.send("POST", "/api/drm/licenses/clearkey", body, headers);
    }

    void assertAllInTrail(String admin) {
      int granted = audited(admin, viewer, "GRANTED");
      int deniedInTrail = audited(admin, null, "DENIED") - deniedBefore;
      assertThat(granted)
          .as("granted licences in the audit trail (%d acknowledged)", acked)
          .isGreaterThanOrEqualTo(acked);
      assertThat(deniedInTrail)
          .as("denied licences in the audit trail (%d answered)", refused)
          .isGreaterThanOrEqualTo(refused);
      assertThat(granted + deniedInTrail)
          .as("decisions in the audit trail (%d requests sent)", attempted)
          .isLessThanOrEqualTo(attempted);
    }
  }

  /** Decisions in the trail with this outcome, of the viewer's account or (null) of anyone. */
  private int audited(String admin, Viewer v, String outcome) {
    Api.Reply trail =
        api.get(
            "/api/drm/audit?outcome="
                + outcome
                + (v == null ? "" : "&account=" + v.accountId())
                + "&limit=1000",
            admin);
    assertThat(trail.status()).as("status of the audit read: " + trail).isEqualTo(200);
    assertThat(trail.array().size()).as("fewer rows than one page holds").isLessThan(1000);
    return trail.array().size();
  }
}
