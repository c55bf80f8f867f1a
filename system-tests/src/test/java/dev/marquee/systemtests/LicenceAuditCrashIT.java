package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.LibertyServer;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The licence audit is written in groups (ADR 0026), and still every licence decision a client was
 * answered (granted, or denied once the test stack's 4 s session went silent) is in the trail after
 * the server is killed without warning in the middle of licence traffic.
 */
@ExtendWith(RunningMarquee.class)
class LicenceAuditCrashIT {
  private static final int CLIENTS = 6;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 150;
  private final Api api = RunningMarquee.api();

  @Test
  void everyAcknowledgedLicenceIsInTheAuditTrailAfterTheServerIsKilled() throws Exception {
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
    String body = Viewers.clearKeyRequest("temporary", kids);
    Map<String, String> headers =
        Map.of("X-Playback-Session", session.getString("token"), "X-Viewer-Country", "GB");

    // A denial by the session check (the test stack's sessions go silent after 4 s) is audited
    // before the session, and so the account, is known: denials are counted over the whole trail.
    int deniedBefore = audited(Viewers.admin(api), null, "DENIED");
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicInteger denied = new AtomicInteger();
    AtomicInteger otherAnswers = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  sent.incrementAndGet();
                  Api.Reply reply;
                  try {
                    reply = api.send("POST", "/api/drm/licenses/clearkey", body, headers);
                  } catch (RuntimeException serverGone) {
                    return;
                  }
                  if (reply.status() == 200) {
                    acknowledged.incrementAndGet();
                  } else if (reply.status() == 403) {
                    denied.incrementAndGet();
                  } else {
                    otherAnswers.incrementAndGet();
                    return;
                  }
                }
              },
              "licence-client-" + i);
      t.start();
      clients.add(t);
    }
    LibertyServer liberty = RunningMarquee.stack().liberty();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (acknowledged.get() + denied.get() < ACKNOWLEDGED_BEFORE_KILL
        && otherAnswers.get() == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(5); // polling the clients' count, not waiting for time to pass
    }
    liberty.kill();
    for (Thread t : clients) {
      t.join(Duration.ofMinutes(2).toMillis());
    }
    assertThat(otherAnswers.get()).as("answers other than 200 or 403 before the kill").isZero();
    int acked = acknowledged.get();
    int refused = denied.get();
    assertThat(acked).as("licences granted before the kill").isPositive();
    assertThat(acked + refused)
        .as("decisions answered before the kill")
        .isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
    int attempted = sent.get();
    assertThat(attempted)
        .as("requests still in flight when the server died")
        .isGreaterThan(acked + refused);

    liberty.start();
    liberty.awaitReady(Duration.ofMinutes(3));
    String admin = Viewers.admin(api);
    int granted = audited(admin, v, "GRANTED");
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

  /** Decisions in the trail with this outcome, of the viewer's account or (null) of anyone. */
  private int audited(String admin, Viewer v, String outcome) {
    Api.Reply trail =
        api.get(
            "/api/drm/audit?outcome="
                + outcome
                + (v == null ? "" : "&account=" + v.accountId())
                + "&limit=1000",
            admin);
    assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
    assertThat(trail.array().size()).as("fewer rows than one page holds").isLessThan(1000);
    return trail.array().size();
  }
}
