package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** QoE: players' reports per session, checked, stored once, and aggregated per title and day. */
@ExtendWith(RunningMarquee.class)
class QoeIT {
  private static final Api api = RunningMarquee.api();

  /** The title whose aggregates are checked; bad reports go to another one. */
  private static String title;

  private static String other;

  @BeforeAll
  static void publish() throws Exception {
    Path master = Files.createTempDirectory("qoe-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 2, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    title = Creators.ingest(api, creator, master);
    other = Creators.ingest(api, creator, master);
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(3));
    Creators.awaitPublished(api, creator, other, Duration.ofMinutes(3));
  }

  private static String session() {
    return session(title);
  }

  private static String session(String title) {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), v, "HD");
    Api.Reply s = Viewers.startSession(api, v, v.deviceId(), title);
    assertThat(s.status()).as(s.toString()).isEqualTo(201);
    return s.json().getString("token");
  }

  private static Api.Reply report(String token, String events) {
    return api.send(
        "POST",
        "/api/playback/qoe",
        "{\"events\":[" + events + "]}",
        Map.of("Content-Type", "application/json", "X-Playback-Session", token));
  }

  private static String event(int seq, String type, String fields) {
    return "{\"seq\":"
        + seq
        + ",\"type\":\""
        + type
        + "\",\"clientTime\":\""
        + Instant.now()
        + "\""
        + (fields.isEmpty() ? "" : "," + fields)
        + "}";
  }

  @Test
  void reportsAreStoredOnceAndAggregatedPerTitleAndDay() {
    String smooth = session();
    LocalDate firstDay = LocalDate.now(ZoneOffset.UTC);
    String batch =
        String.join(
            ",",
            event(0, "STARTUP", "\"valueMs\":400"),
            event(1, "REBUFFER_START", ""),
            event(2, "REBUFFER_END", "\"valueMs\":1000"),
            event(3, "PLAYED", "\"valueMs\":10000,\"bitrate\":1000000,\"height\":480"));
    Api.Reply first = report(smooth, batch);
    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(first.json().getInt("stored")).isEqualTo(4);
    // The player resends the batch (its response was lost): nothing counts twice.
    assertThat(report(smooth, batch).json().getInt("stored")).isZero();
    assertThat(report(smooth, event(4, "END", "\"code\":\"ended\"")).status()).isEqualTo(202);

    String troubled = session();
    report(
        troubled,
        String.join(
            ",",
            event(0, "STARTUP", "\"valueMs\":800"),
            event(1, "BITRATE_SWITCH", "\"bitrate\":500000,\"height\":240"),
            event(2, "ERROR", "\"code\":\"3016\""),
            event(3, "PLAYED", "\"valueMs\":5000,\"bitrate\":500000"),
            event(4, "END", "\"code\":\"error\"")));

    List<JsonObject> days =
        api.get("/api/playback/qoe?titleId=" + title, Viewers.admin(api))
            .array()
            .getValuesAs(JsonObject.class);
    LocalDate lastDay = LocalDate.now(ZoneOffset.UTC);
    // An event counts on the UTC day the server received it: around midnight the reports can land
    // on two days, so every day lies between the first report and the reading, and the counts are
    // added up over the days returned.
    assertThat(days)
        .isNotEmpty()
        .allSatisfy(
            d -> assertThat(LocalDate.parse(d.getString("day"))).isBetween(firstDay, lastDay));
    assertThat(days.stream().mapToInt(d -> d.getInt("startups")).sum()).isEqualTo(2);
    assertThat(days.stream().mapToInt(d -> d.getInt("rebuffers")).sum()).isEqualTo(1);
    assertThat(days.stream().mapToInt(d -> d.getInt("bitrateSwitches")).sum()).isEqualTo(1);
    assertThat(days.stream().mapToInt(d -> d.getInt("ended")).sum()).isEqualTo(2);
    // Percentiles and ratios are of one day's events and cannot be added up: they are checked
    // when the clock shows that the whole test ran within one UTC day (all but a few seconds a
    // day), decided by the test's own clock and not by what the server answered.
    if (firstDay.equals(lastDay)) {
      assertThat(days).hasSize(1);
      JsonObject d = days.get(0);
      assertThat(d.getString("day")).isEqualTo(firstDay.toString());
      assertThat(d.getInt("sessions")).isEqualTo(2);
      assertThat(d.getJsonNumber("startupP50Ms").doubleValue()).isEqualTo(600.0);
      assertThat(d.getJsonNumber("startupP95Ms").doubleValue())
          .isCloseTo(780.0, Offset.offset(0.01));
      assertThat(d.getJsonNumber("rebufferRatio").doubleValue()).isEqualTo(1000.0 / 16000);
      // Time-weighted: (10 s at 1 Mb/s + 5 s at 0.5 Mb/s) / 15 s.
      assertThat(d.getJsonNumber("averageBitrate").longValue()).isEqualTo(833333L);
      assertThat(d.getJsonNumber("errorRate").doubleValue()).isEqualTo(0.5);
    }

    assertThat(api.get("/metrics").body())
        .containsPattern("marquee_qoe_events_total\\{[^}]*type=\"rebuffer_end\"[^}]*\\} [1-9]")
        .contains("marquee_qoe_played_milliseconds_total");
  }

  @Test
  void badReportsAreRefusedWholeWithTheFieldNamed() {
    String token = session(other);
    Api.Reply wrongType =
        assertProblem(
            report(token, event(0, "STARTUP", "\"valueMs\":5") + "," + event(1, "BUFFERING", "")),
            400,
            "validation-failed");
    assertThat(wrongType.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("events[1].type");
    // Nothing of the refused report was kept: the same sequence numbers store fine now.
    assertThat(report(token, event(0, "STARTUP", "\"valueMs\":5")).json().getInt("stored"))
        .isEqualTo(1);

    assertProblem(report(token, event(2, "PLAYED", "")), 400, "validation-failed");
    assertProblem(report(token, event(3, "PLAYED", "\"valueMs\":-4")), 400, "validation-failed");
    assertProblem(
        report(token, event(4, "ERROR", "\"code\":\"<script>\"")), 400, "validation-failed");
    assertProblem(report(token, ""), 400, "no-events");
    String many =
        String.join(
            ",",
            java.util.stream.IntStream.range(0, 201)
                .mapToObj(i -> event(i, "REBUFFER_START", ""))
                .toList());
    assertProblem(report(token, many), 413, "too-many-events");
    assertProblem(
        api.send(
            "POST",
            "/api/playback/qoe",
            "{\"events\":[" + event(9, "END", "") + "]}",
            Map.of("Content-Type", "application/json")),
        401,
        "session-token-missing");
    assertProblem(report(token + "x", event(9, "END", "")), 401, "session-token-invalid");
    assertProblem(
        api.send(
            "POST",
            "/api/playback/qoe",
            "{\"events\":[{\"seq\":",
            Map.of("Content-Type", "application/json", "X-Playback-Session", token)),
        400,
        "malformed-json");

    assertProblem(
        api.get("/api/playback/qoe?from=2026-13-01", Viewers.admin(api)), 400, "invalid-date");
    assertProblem(
        api.get("/api/playback/qoe?from=2026-02-01&to=2026-01-01", Viewers.admin(api)),
        400,
        "invalid-range");
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    assertThat(api.get("/api/playback/qoe", viewer.token()).status()).isEqualTo(403);
  }
}
