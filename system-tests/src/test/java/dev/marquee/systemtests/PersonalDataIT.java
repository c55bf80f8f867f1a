package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.EmbeddedDatabase;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GDPR: a viewer downloads everything Marquee holds about them, and erases their account. After an
 * erasure no column of any table of any schema holds the account's id or email; an erasure a server
 * left half-done is finished by another.
 */
@ExtendWith(RunningMarquee.class)
class PersonalDataIT {
  private static final Api api = RunningMarquee.api();
  private static final Set<String> PARTS =
      Set.of("accounts", "catalog", "drm", "ingest", "playback");
  private static String title;
  private static String admin;

  @BeforeAll
  static void publish() throws Exception {
    Path master = Files.createTempDirectory("personal-data-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 2, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    title = Creators.ingest(api, creator, master);
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(3));
    admin = Viewers.admin(api);
  }

  /** A viewer with data in every module that keeps any about viewers. */
  private static Viewer viewerWithDataEverywhere() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String p = "?profileId=" + v.profileId();
    // accounts: a second profile, a device an administrator marked (audited), a subscription
    answers(
        201,
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"Kids\",\"kids\":true}", v.token()));
    Viewers.device(api, v.token(), "TV", "HARDWARE");
    Viewers.subscribe(api, admin, v, "HD");
    // catalog: a list with the title, a favourite, a like, a report
    var list =
        api.postJson(
            "/api/catalog/lists",
            "{\"profileId\":\"" + v.profileId() + "\",\"name\":\"Mine\"}",
            v.token());
    answers(201, list);
    answers(
        200,
        api.put(
            "/api/catalog/lists/" + list.json().getString("id") + "/items/" + title + p,
            v.token()));
    answers(200, api.put("/api/catalog/favourites/" + title + p, v.token()));
    answers(200, api.put("/api/catalog/likes/" + title + p, v.token()));
    answers(
        201,
        api.postJson(
            "/api/catalog/reports",
            "{\"titleId\":\"%s\",\"profileId\":\"%s\",\"reason\":\"OTHER\",\"text\":\"%s\"}"
                .formatted(title, v.profileId(), "Written by " + v.email()),
            v.token()));
    // playback and drm: a session, a licence (audited), QoE events, a position
    var session = Viewers.startSession(api, v, v.deviceId(), title);
    assertThat(session.status()).as(session.toString()).isEqualTo(201);
    String sessionToken = session.json().getString("token");
    String[] kids =
        session.json().getJsonObject("keyIds").values().stream()
            .map(k -> ((JsonString) k).getString())
            .toArray(String[]::new);
    var licence =
        api.send(
            "POST",
            "/api/drm/licenses/clearkey",
            Viewers.clearKeyRequest("temporary", kids),
            Map.of("X-Playback-Session", sessionToken, "X-Viewer-Country", "GB"));
    assertThat(licence.status()).as(licence.toString()).isEqualTo(200);
    var qoe =
        api.send(
            "POST",
            "/api/playback/qoe",
            "{\"events\":[{\"seq\":0,\"type\":\"STARTUP\",\"clientTime\":\""
                + Instant.now()
                + "\",\"valueMs\":300}]}",
            Map.of("Content-Type", "application/json", "X-Playback-Session", sessionToken));
    answers(202, qoe);
    answers(
        200,
        api.putJson(
            "/api/playback/positions",
            "{\"titleId\":\"%s\",\"profileId\":\"%s\",\"deviceId\":\"%s\",\"positionSeconds\":1,"
                    .formatted(title, v.profileId(), v.deviceId())
                + "\"clientTime\":\""
                + Instant.now()
                + "\",\"event\":\"PAUSE\"}",
            v.token()));
    return v;
  }

  /** The one status the endpoint documents for success. */
  private static void answers(int status, Api.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
  }

  @Test
  void theExportHoldsEveryModulesPart() {
    Viewer v = viewerWithDataEverywhere();
    Api.Reply reply = api.get("/api/accounts/me/export", v.token());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.header("Content-Disposition").orElse("")).startsWith("attachment");
    JsonObject export = reply.json();
    assertThat(export.getString("accountId")).isEqualTo(v.accountId());
    JsonObject parts = export.getJsonObject("parts");
    assertThat(parts.keySet()).containsExactlyInAnyOrderElementsOf(PARTS);

    JsonObject accounts = parts.getJsonObject("accounts");
    assertThat(accounts.getJsonObject("account").getString("email")).isEqualTo(v.email());
    assertThat(accounts.getJsonObject("account").toString()).doesNotContain("password");
    assertThat(accounts.getJsonArray("profiles")).hasSize(2);
    assertThat(accounts.getJsonArray("devices")).hasSize(2);
    assertThat(accounts.getJsonArray("deviceSecurityChanges")).hasSize(1);
    assertThat(accounts.getJsonArray("subscriptions")).hasSize(1);
    assertThat(accounts.getJsonArray("signIns")).isNotEmpty();

    JsonObject catalog = parts.getJsonObject("catalog");
    assertThat(catalog.getJsonArray("lists")).hasSize(1);
    assertThat(catalog.getJsonArray("lists").getJsonObject(0).getJsonArray("titleIds").getString(0))
        .isEqualTo(title);
    assertThat(catalog.getJsonArray("favourites")).hasSize(1);
    assertThat(catalog.getJsonArray("likes")).hasSize(1);
    assertThat(catalog.getJsonArray("reports")).hasSize(1);

    JsonObject playback = parts.getJsonObject("playback");
    assertThat(playback.getJsonArray("sessions")).hasSize(1);
    assertThat(playback.getJsonArray("positions")).hasSize(1);
    assertThat(playback.getJsonArray("qoeEvents")).hasSize(1);
    // The licence audit is playback's since the licence decision moved there (ADR 45).
    assertThat(playback.getJsonArray("licenceAudit")).hasSize(1);
    assertThat(playback.getJsonArray("licenceAudit").getJsonObject(0).getString("outcome"))
        .isEqualTo("GRANTED");
    assertThat(playback.getJsonArray("offlineLicences")).isEmpty();
    // A viewer took no key action: drm's part is there, and empty.
    assertThat(parts.getJsonObject("drm").getJsonArray("keyActions")).isEmpty();

    assertThat(parts.getJsonObject("ingest").getJsonArray("uploads")).isEmpty();
    assertProblem(api.get("/api/accounts/me/export", null), 401, "unauthenticated");
  }

  @Test
  void anErasedAccountLeavesNoTraceInAnySchema() throws Exception {
    Viewer v = viewerWithDataEverywhere();
    // The scan finds the account before the erasure: it cannot pass by finding nothing anywhere.
    assertThat(tablesMentioning(v))
        .contains(
            "accounts.accounts",
            "catalog.likes",
            "catalog.reports",
            "playback.sessions",
            "playback.qoe_events",
            "playback.licence_audit",
            "accounts.device_security_changes");

    assertProblem(
        api.send(
            "DELETE",
            "/api/accounts/me",
            "",
            Map.of("Authorization", "Bearer " + v.token(), "Content-Type", "application/json")),
        400,
        "missing-body");
    assertProblem(
        api.send(
            "DELETE",
            "/api/accounts/me",
            "{}",
            Map.of("Authorization", "Bearer " + v.token(), "Content-Type", "application/json")),
        400,
        "validation-failed");
    assertProblem(erase(v, "not the password"), 403, "wrong-password");
    assertThat(api.get("/api/accounts/me", v.token()).status()).isEqualTo(200);

    Api.Reply accepted = erase(v, Viewers.PASSWORD);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String erasure = accepted.json().getString("erasureId");
    // Durable before acknowledged, and every sign-in revoked at once.
    assertThat(requestExists(erasure)).isTrue();
    assertThat(api.get("/api/accounts/me", v.token()).status()).isEqualTo(401);
    assertProblem(
        api.passwordGrant("marquee-web", v.email(), Viewers.PASSWORD, null),
        401,
        "invalid-credentials");

    UUID pseudonym = awaitCompleted(erasure);
    assertThat(tablesMentioning(v)).isEmpty();
    assertThat(stepsDone(erasure)).containsExactlyInAnyOrderElementsOf(PARTS);
    // The audit trails keep their rows, under the pseudonym.
    assertThat(count("SELECT count(*) FROM playback.licence_audit WHERE account_id = ?", pseudonym))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM accounts.device_security_changes WHERE account_id = ?",
                pseudonym))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM playback.qoe_events WHERE account_id = ?", pseudonym))
        .isEqualTo(1);
  }

  @Test
  void anErasureAServerLeftHalfDoneIsFinishedByAnother() throws Exception {
    Viewer v = viewerWithDataEverywhere();
    UUID erasure = UUID.randomUUID();
    UUID account = UUID.fromString(v.accountId());
    // As a server leaves it that accepted the request, erased the playback part and died: its
    // lease has run out.
    try (Connection c = database()) {
      c.setAutoCommit(false);
      update(
          c,
          "INSERT INTO accounts.erasure_requests (id, account_id, requested_at, attempts,"
              + " claimed_by, claimed_until) VALUES (?, ?, now() - interval '10 minutes', 1,"
              + " 'a-server-that-died/1', now() - interval '1 second')",
          erasure,
          account);
      update(c, "DELETE FROM playback.sessions WHERE account_id = ?", account);
      update(c, "DELETE FROM playback.positions WHERE account_id = ?", account);
      update(
          c,
          "UPDATE playback.qoe_events SET account_id = p.pseudonym, device_id = p.pseudonym"
              + " FROM accounts.erasure_requests p WHERE p.id = ? AND qoe_events.account_id = ?",
          erasure,
          account);
      // The playback part holds the licences too (ADR 45).
      update(c, "DELETE FROM playback.offline_licences WHERE account_id = ?", account);
      update(
          c,
          "UPDATE playback.licence_audit SET account_id = p.pseudonym, profile_id = NULL,"
              + " device_id = NULL, session_id = NULL FROM accounts.erasure_requests p"
              + " WHERE p.id = ? AND licence_audit.account_id = ?",
          erasure,
          account);
      update(
          c,
          "INSERT INTO accounts.erasure_steps (request_id, part, done_at) VALUES (?, 'playback',"
              + " now())",
          erasure);
      c.commit();
    }
    // Pending or done, the account signs in no more.
    assertProblem(
        api.passwordGrant("marquee-web", v.email(), Viewers.PASSWORD, null),
        401,
        "invalid-credentials");

    awaitCompleted(erasure.toString());
    assertThat(stepsDone(erasure.toString())).containsExactlyInAnyOrderElementsOf(PARTS);
    assertThat(tablesMentioning(v)).isEmpty();
    assertThat(api.get("/api/accounts/me", v.token()).status()).isEqualTo(401);
  }

  private static Api.Reply erase(Viewer v, String password) {
    return api.send(
        "DELETE",
        "/api/accounts/me",
        jakarta.json.Json.createObjectBuilder().add("password", password).build().toString(),
        Map.of("Authorization", "Bearer " + v.token(), "Content-Type", "application/json"));
  }

  /**
   * Every table of every schema (but PostgreSQL's own) with a row in which a text, uuid, json or
   * array column holds the viewer's account id or email.
   */
  private static Set<String> tablesMentioning(Viewer v) throws SQLException {
    record Column(String schema, String table, String column) {}
    List<Column> columns = new ArrayList<>();
    Set<String> schemas = new TreeSet<>();
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT c.table_schema, c.table_name, c.column_name"
                    + " FROM information_schema.columns c JOIN information_schema.tables t"
                    + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                    + " WHERE t.table_type = 'BASE TABLE'"
                    + " AND c.table_schema NOT IN ('pg_catalog', 'information_schema')"
                    + " AND c.table_schema NOT LIKE 'pg_toast%'"
                    + " AND c.data_type IN ('uuid', 'text', 'character varying', 'character',"
                    + " 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        columns.add(new Column(r.getString(1), r.getString(2), r.getString(3)));
        schemas.add(r.getString(1));
      }
    }
    assertThat(schemas)
        .as("the scan covers every module's schema")
        .contains("accounts", "catalog", "ingest", "transcode", "drm", "playback", "platform");
    assertThat(columns.size()).isGreaterThan(50);
    Set<String> found = new TreeSet<>();
    try (Connection c = database()) {
      for (Column col : columns) {
        String sql =
            "SELECT count(*) FROM \"%s\".\"%s\" WHERE \"%s\"::text ILIKE ? OR \"%s\"::text ILIKE ?"
                .formatted(col.schema(), col.table(), col.column(), col.column());
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setString(1, "%" + v.accountId() + "%");
          s.setString(2, "%" + v.email() + "%");
          try (ResultSet r = s.executeQuery()) {
            r.next();
            if (r.getLong(1) > 0) {
              found.add(col.schema() + "." + col.table());
            }
          }
        }
      }
    }
    return found;
  }

  private static UUID awaitCompleted(String erasure) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = database();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT completed_at, pseudonym, last_error FROM accounts.erasure_requests"
                      + " WHERE id = ?")) {
        s.setObject(1, UUID.fromString(erasure));
        try (ResultSet r = s.executeQuery()) {
          assertThat(r.next()).as("erasure request " + erasure + " exists").isTrue();
          if (r.getTimestamp(1) != null) {
            return r.getObject(2, UUID.class);
          }
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("erasure " + erasure + " did not complete within 60 s");
  }

  private static boolean requestExists(String erasure) throws SQLException {
    return count(
            "SELECT count(*) FROM accounts.erasure_requests WHERE id = ?", UUID.fromString(erasure))
        == 1;
  }

  private static Set<String> stepsDone(String erasure) throws SQLException {
    Set<String> parts = new TreeSet<>();
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement("SELECT part FROM accounts.erasure_steps WHERE request_id = ?")) {
      s.setObject(1, UUID.fromString(erasure));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          parts.add(r.getString(1));
        }
      }
    }
    return parts;
  }

  private static long count(String sql, Object param) throws SQLException {
    try (Connection c = database();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, param);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static void update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  private static Connection database() throws SQLException {
    EmbeddedDatabase db = RunningMarquee.stack().database();
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }
}
