package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Resume across devices: idempotent last-write-wins positions, the push to other devices. */
@ExtendWith(RunningMarquee.class)
class ResumeIT {
  private static final Api api = RunningMarquee.api();
  private static String title;

  @BeforeAll
  static void publish() throws Exception {
    Path master = Files.createTempDirectory("resume-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 4, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    title = Creators.ingest(api, creator, master);
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(3));
  }

  private static Api.Reply report(
      Viewer v, String device, double seconds, Instant clientTime, String event) {
    return api.putJson(
        "/api/playback/positions",
        Json.createObjectBuilder()
            .add("titleId", title)
            .add("profileId", v.profileId())
            .add("deviceId", device)
            .add("positionSeconds", seconds)
            .add("clientTime", clientTime.toString())
            .add("event", event)
            .build()
            .toString(),
        v.token());
  }

  /** Opens the profile's event stream as a device; events land in the queue as JSON. */
  private static BlockingQueue<JsonObject> listen(Viewer v, String device) throws Exception {
    return open(v, device, new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>());
  }

  /**
   * Opens the stream; position events land in {@code events} as JSON, every event's name in {@code
   * names}, and "end of stream" when the server closes it.
   */
  private static BlockingQueue<JsonObject> open(
      Viewer v, String device, BlockingQueue<JsonObject> events, BlockingQueue<String> names)
      throws Exception {
    BlockingQueue<Boolean> ready = new LinkedBlockingQueue<>();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    api.baseUrl()
                        + "/api/playback/positions/events?profileId="
                        + v.profileId()
                        + "&deviceId="
                        + device))
            .header("Authorization", "Bearer " + v.token())
            .header("Accept", "text/event-stream")
            .build();
    HttpClient.newHttpClient()
        .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(
            response ->
                new Thread(
                        () -> {
                          String name = null;
                          for (String line : (Iterable<String>) response.body()::iterator) {
                            if (line.startsWith("event:")) {
                              name = line.substring(6).strip();
                              names.add(name);
                              if (name.equals("ready")) {
                                ready.add(true);
                              }
                            } else if (line.startsWith("data:") && "position".equals(name)) {
                              events.add(
                                  Json.createReader(new StringReader(line.substring(5).strip()))
                                      .readObject());
                            }
                          }
                          names.add("end of stream");
                        },
                        "sse-reader")
                    .start());
    assertThat(ready.poll(10, TimeUnit.SECONDS)).as("the stream opened").isTrue();
    return events;
  }

  @Test
  void signingOutEndsTheDevicesPositionStream() throws Exception {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    BlockingQueue<String> names = new LinkedBlockingQueue<>();
    open(v, v.deviceId(), new LinkedBlockingQueue<>(), names);
    assertThat(names.poll(5, TimeUnit.SECONDS)).isEqualTo("ready");
    assertThat(names.poll(1, TimeUnit.SECONDS))
        .as("the stream stays open while signed in")
        .isNull();

    assertThat(api.post("/api/oauth/logout", v.token()).status()).isEqualTo(204);
    // The server checks open streams' sign-ins every 2 s; 30 s is only the test's patience.
    assertThat(names.poll(30, TimeUnit.SECONDS)).isEqualTo("signed-out");
    assertThat(names.poll(30, TimeUnit.SECONDS)).isEqualTo("end of stream");
  }

  @Test
  void anotherDeviceOfTheProfileLearnsOfANewPositionAndResumesThere() throws Exception {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String tv = Viewers.device(api, v.token(), "TV", null);
    BlockingQueue<JsonObject> onTv = listen(v, tv);

    Instant t1 = Instant.now();
    Api.Reply paused = report(v, v.deviceId(), 2.5, t1, "PAUSE");
    assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
    assertThat(paused.json().getBoolean("applied")).isTrue();

    JsonObject pushed = onTv.poll(5, TimeUnit.SECONDS);
    assertThat(pushed).as("the TV was told").isNotNull();
    assertThat(pushed.getString("titleId")).isEqualTo(title);
    assertThat(pushed.getString("deviceId")).isEqualTo(v.deviceId());
    assertThat(pushed.getJsonNumber("positionSeconds").doubleValue()).isEqualTo(2.5);

    JsonObject resume =
        api.get("/api/playback/positions/" + title + "?profileId=" + v.profileId(), v.token())
            .json();
    assertThat(resume.getJsonNumber("positionSeconds").doubleValue()).isEqualTo(2.5);
    assertThat(resume.getString("deviceId")).isEqualTo(v.deviceId());

    // The same write again, or an older one arriving late, changes nothing.
    assertThat(report(v, v.deviceId(), 2.5, t1, "PAUSE").json().getBoolean("applied")).isFalse();
    assertThat(
            report(v, v.deviceId(), 1.0, t1.minusSeconds(30), "PERIODIC")
                .json()
                .getBoolean("applied"))
        .isFalse();
    // The TV moves on: its newer position is the one to resume from.
    Api.Reply seek = report(v, tv, 3.0, t1.plusSeconds(5), "SEEK");
    assertThat(seek.json().getBoolean("applied")).as(seek.toString()).isTrue();
    assertThat(seek.json().getBoolean("watched")).as(seek.toString()).isFalse();
    resume =
        api.get("/api/playback/positions/" + title + "?profileId=" + v.profileId(), v.token())
            .json();
    assertThat(resume.getString("deviceId")).isEqualTo(tv);
    assertThat(resume.getJsonNumber("positionSeconds").doubleValue()).isEqualTo(3.0);

    var watching =
        api.get("/api/playback/positions/continue-watching?profileId=" + v.profileId(), v.token())
            .array();
    assertThat(watching).hasSize(1);
    assertThat(watching.getJsonObject(0).getString("titleId")).isEqualTo(title);
  }

  @Test
  void devicesAreStillToldAfterTheServersListeningConnectionDied() throws Exception {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String tv = Viewers.device(api, v.token(), "TV", null);
    BlockingQueue<JsonObject> onTv = listen(v, tv);
    var db = RunningMarquee.stack().database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement()) {
      // The server listens on one named connection; the database ends it, as a restart would.
      int terminated = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (terminated == 0 && System.nanoTime() < deadline) {
        try (ResultSet r =
            s.executeQuery(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = 'marquee-notifications'")) {
          r.next();
          terminated = r.getInt(1);
        }
        if (terminated == 0) {
          Thread.sleep(100); // polling for the listening connection to be open
        }
      }
      assertThat(terminated).as("listening connections ended").isEqualTo(1);
    }

    Api.Reply paused = report(v, v.deviceId(), 1.5, Instant.now(), "PAUSE");
    assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
    JsonObject pushed = onTv.poll(30, TimeUnit.SECONDS);
    assertThat(pushed).as("the TV was told after the server listened again").isNotNull();
    assertThat(pushed.getString("deviceId")).isEqualTo(v.deviceId());
    assertThat(pushed.getJsonNumber("positionSeconds").doubleValue()).isEqualTo(1.5);
  }

  /**
   * Writes that arrive together share one statement on the server (ADR 51); each must still be
   * judged as if it came alone: of the same report sent many times at once exactly one takes
   * effect, and of many positions at once the newest client time is the one kept.
   */
  @Test
  void concurrentWritesOfOneDeviceAreJudgedOneByOne() throws Exception {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<Api.Reply>> same = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        same.add(clients.submit(() -> report(v, v.deviceId(), 1.5, t0, "PAUSE")));
      }
      int applied = 0;
      for (var f : same) {
        Api.Reply r = f.get(60, TimeUnit.SECONDS);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        applied += r.json().getBoolean("applied") ? 1 : 0;
      }
      assertThat(applied).as("the same report 24 times at once takes effect once").isEqualTo(1);

      List<Integer> order = new ArrayList<>();
      for (int i = 1; i <= 24; i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(7));
      List<Future<Api.Reply>> newer = new ArrayList<>();
      for (int i : order) {
        newer.add(
            clients.submit(
                () -> report(v, v.deviceId(), i * 0.1, t0.plusMillis(i * 10L), "PERIODIC")));
      }
      for (int k = 0; k < order.size(); k++) {
        Api.Reply r = newer.get(k).get(60, TimeUnit.SECONDS);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        if (order.get(k) == 24) {
          assertThat(r.json().getBoolean("applied")).as("the newest write").isTrue();
        }
      }
    } finally {
      clients.shutdownNow();
    }
    JsonObject resume =
        api.get("/api/playback/positions/" + title + "?profileId=" + v.profileId(), v.token())
            .json();
    assertThat(resume.getJsonNumber("positionSeconds").doubleValue()).isEqualTo(2.4);
    assertThat(Instant.parse(resume.getString("clientTime"))).isEqualTo(t0.plusMillis(240));
  }

  @Test
  void aPositionNearTheEndMarksTheTitleWatched() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Api.Reply end = report(v, v.deviceId(), 3.9, Instant.now(), "STOP");
    assertThat(end.json().getBoolean("watched")).isTrue();
    assertThat(
            api.get(
                    "/api/playback/positions/continue-watching?profileId=" + v.profileId(),
                    v.token())
                .array())
        .isEmpty();
  }

  @Test
  void badReportsAreRefusedByName() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Viewer stranger = Viewers.newViewer(api, "WEB", null);
    assertProblem(report(v, v.deviceId(), -1, Instant.now(), "PAUSE"), 400, "validation-failed");
    assertProblem(report(v, v.deviceId(), 1, Instant.now(), "REWIND"), 400, "validation-failed");
    assertProblem(report(v, v.deviceId(), 600, Instant.now(), "PAUSE"), 400, "invalid-position");
    assertProblem(
        report(v, v.deviceId(), 1, Instant.parse("0000-01-01T00:00:00Z"), "PAUSE"),
        400,
        "invalid-client-time");
    assertProblem(
        report(v, v.deviceId(), 1, Instant.now().plus(Duration.ofHours(1)), "PAUSE"),
        400,
        "invalid-client-time");
    assertProblem(
        report(v, stranger.deviceId(), 1, Instant.now(), "PAUSE"), 404, "device-not-found");
    assertProblem(
        api.get(
            "/api/playback/positions/" + title + "?profileId=" + stranger.profileId(), v.token()),
        404,
        "profile-not-found");
    assertProblem(
        api.get("/api/playback/positions/" + title + "?profileId=" + v.profileId(), v.token()),
        404,
        "no-position");
  }
}
