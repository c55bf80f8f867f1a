package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static dev.marquee.systemtests.Viewers.clearKeyRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The licence server over HTTP with real tokens: every rule allowed and denied, tampered, expired
 * and replayed session tokens, key ids of another title, malformed bodies, offline licences, the
 * audit trail and the key-encryption key's status.
 */
@ExtendWith(RunningMarquee.class)
class LicenceIT {
  private static final Api api = RunningMarquee.api();
  private static final String GB = "GB";

  /** 720p master: SD, HD and audio keys; 13+, GB and IE, offline allowed. */
  private static String hdTitle;

  /** 180p, everywhere, ALL, no offline rights. */
  private static String openTitle;

  /** Available only from 2030. */
  private static String futureTitle;

  private static String admin;
  private static Map<String, String> hdKeyIds;
  private static Map<String, String> openKeyIds;

  @BeforeAll
  static void titles() throws Exception {
    Path folder = Files.createTempDirectory("licence-it");
    String creator = Creators.newCreator(api);
    Path hd = folder.resolve("hd.mp4");
    new SyntheticMaster(1280, 720, 25, 2, false, List.of("eng")).writeTo(hd);
    Path small = folder.resolve("small.mp4");
    new SyntheticMaster(320, 180, 25, 1, false, List.of("eng")).writeTo(small);
    hdTitle = Creators.ingest(api, creator, hd);
    openTitle =
        Creators.ingest(
            api,
            creator,
            small,
            """
            {"name":"Open Sky","synopsis":"Clouds.","language":"en","category":"documentary",
             "maturityRating":"ALL","releaseYear":2023,
             "licence":{"regions":["WORLD"],"offlineAllowed":false}}""");
    futureTitle =
        Creators.ingest(
            api,
            creator,
            small,
            """
            {"name":"Later","synopsis":"Not yet.","language":"en","category":"documentary",
             "maturityRating":"ALL","releaseYear":2023,
             "licence":{"regions":["WORLD"],"availableFrom":"2030-01-01T00:00:00Z",
                        "offlineAllowed":true}}""");
    for (String t : List.of(hdTitle, openTitle, futureTitle)) {
      Creators.awaitPublished(api, creator, t, Duration.ofMinutes(4));
    }
    admin = Viewers.admin(api);
    hdKeyIds = keyIdsSeenBy(hdTitle);
    openKeyIds = keyIdsSeenBy(openTitle);
    assertThat(hdKeyIds).containsOnlyKeys("SD", "HD", "AUDIO");
  }

  /** The key ids a UHD subscriber's hardware device is told about. */
  private static Map<String, String> keyIdsSeenBy(String title) {
    Viewer v = Viewers.newViewer(api, "TV", "HARDWARE");
    Viewers.subscribe(api, admin, v, "UHD");
    Api.Reply started = Viewers.startSession(api, v, v.deviceId(), title);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    JsonObject s = started.json();
    api.delete("/api/playback/sessions/" + s.getString("sessionId"), v.token());
    Map<String, String> ids = new java.util.TreeMap<>();
    s.getJsonObject("keyIds")
        .forEach((k, v2) -> ids.put(k, ((jakarta.json.JsonString) v2).getString()));
    return ids;
  }

  private static Api.Reply licence(String token, String body) {
    return api.send(
        "POST",
        "/api/drm/licenses/clearkey",
        body,
        Map.of("X-Playback-Session", token, "X-Viewer-Country", GB));
  }

  /** Plays a download: the app, online again, from the viewer's country. */
  private static Api.Reply playOffline(String licence, String device, String token) {
    return api.send(
        "POST",
        "/api/drm/offline-licences/" + licence + "/play?device=" + device,
        null,
        Map.of("Authorization", "Bearer " + token, "X-Viewer-Country", GB));
  }

  private static JsonObject session(Viewer v, String deviceId, String title) {
    Api.Reply r = Viewers.startSession(api, v, deviceId, title);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  private static Viewer subscriber(String plan, String deviceType, String level) {
    Viewer v = Viewers.newViewer(api, deviceType, level);
    Viewers.subscribe(api, admin, v, plan);
    return v;
  }

  @Test
  void aViewerWithoutEntitlementGetsNeitherSessionNorKeys() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    assertProblem(Viewers.startSession(api, v, v.deviceId(), hdTitle), 403, "not-entitled");
    assertThat(api.get("/api/accounts/plans").array()).hasSize(3);
  }

  @Test
  void aSoftwareDeviceGetsSdAndAudioKeysButNeverHd() {
    Viewer v = subscriber("HD", "WEB", null);
    JsonObject s = session(v, v.deviceId(), hdTitle);
    assertThat(s.getInt("maxHeight")).isEqualTo(480);
    assertThat(s.getString("securityLevel")).isEqualTo("SOFTWARE");
    assertThat(s.getJsonObject("keyIds").keySet()).containsExactlyInAnyOrder("SD", "AUDIO");

    Api.Reply granted =
        licence(
            s.getString("token"),
            clearKeyRequest("temporary", hdKeyIds.get("SD"), hdKeyIds.get("AUDIO")));
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    assertThat(granted.json().getString("type")).isEqualTo("temporary");
    Map<String, String> keys = Viewers.keys(granted.json());
    assertThat(keys).containsOnlyKeys(hdKeyIds.get("SD"), hdKeyIds.get("AUDIO"));
    keys.values().forEach(k -> assertThat(HexFormat.of().parseHex(k)).hasSize(16));
    assertThat(granted.header("X-Licence-Expires")).isPresent();
    assertThat(granted.header("Cache-Control")).contains("no-store");

    assertProblem(
        licence(s.getString("token"), clearKeyRequest("temporary", hdKeyIds.get("HD"))),
        403,
        "security-level");
  }

  @Test
  void aTvGetsHdKeysOnlyOnceAnAdministratorTrustsItNeverByItsOwnClaim() {
    Viewer v = subscriber("UHD", "TV", null);
    JsonObject before = session(v, v.deviceId(), hdTitle);
    assertThat(before.getString("securityLevel")).isEqualTo("SOFTWARE");
    assertThat(before.getInt("maxHeight")).isEqualTo(480);
    assertProblem(
        licence(before.getString("token"), clearKeyRequest("temporary", hdKeyIds.get("HD"))),
        403,
        "security-level");
    api.delete("/api/playback/sessions/" + before.getString("sessionId"), v.token());

    Viewers.markSecurityLevel(api, admin, v.accountId(), v.deviceId(), "HARDWARE");
    JsonObject after = session(v, v.deviceId(), hdTitle);
    assertThat(after.getString("securityLevel")).isEqualTo("HARDWARE");
    Api.Reply hd =
        licence(after.getString("token"), clearKeyRequest("temporary", hdKeyIds.get("HD")));
    assertThat(hd.status()).as(hd.toString()).isEqualTo(200);
    assertThat(Viewers.keys(hd.json())).containsOnlyKeys(hdKeyIds.get("HD"));
  }

  @Test
  void thePlanCapsTheResolutionOfHardwareDevices() {
    Viewer sd = subscriber("SD", "TV", "HARDWARE");
    JsonObject s = session(sd, sd.deviceId(), hdTitle);
    assertThat(s.getInt("maxHeight")).isEqualTo(480);
    assertProblem(
        licence(s.getString("token"), clearKeyRequest("temporary", hdKeyIds.get("HD"))),
        403,
        "plan-resolution");

    Viewer uhd = subscriber("UHD", "TV", "HARDWARE");
    JsonObject u = session(uhd, uhd.deviceId(), hdTitle);
    Api.Reply hd = licence(u.getString("token"), clearKeyRequest("temporary", hdKeyIds.get("HD")));
    assertThat(hd.status()).as(hd.toString()).isEqualTo(200);
    assertThat(Viewers.keys(hd.json())).containsOnlyKeys(hdKeyIds.get("HD"));
  }

  @Test
  void thePlansStreamLimitHoldsUntilASessionStops() {
    Viewer v = subscriber("SD", "WEB", null);
    String tv = Viewers.device(api, v.token(), "TV", null);
    JsonObject first = session(v, v.deviceId(), openTitle);

    Api.Reply second = Viewers.startSession(api, v, tv, openTitle);
    assertProblem(second, 409, "concurrent-streams");
    assertThat(second.json().getJsonArray("streaming").getJsonObject(0).getString("deviceId"))
        .isEqualTo(v.deviceId());
    assertThat(second.json().getString("detail")).contains("WEB");

    assertThat(
            licence(first.getString("token"), clearKeyRequest("temporary", openKeyIds.get("SD")))
                .status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/api/playback/sessions/" + first.getString("sessionId") + "/heartbeat",
                    v.token())
                .status())
        .isEqualTo(200);
    assertThat(
            api.delete("/api/playback/sessions/" + first.getString("sessionId"), v.token())
                .status())
        .isEqualTo(204);
    assertThat(Viewers.startSession(api, v, tv, openTitle).status()).isEqualTo(201);
  }

  @Test
  void tamperedMissingReplayedAndExpiredTokensAreRefused() throws Exception {
    Viewer v = subscriber("HD", "WEB", null);
    JsonObject s = session(v, v.deviceId(), openTitle);
    String token = s.getString("token");
    String body = clearKeyRequest("temporary", openKeyIds.get("SD"));

    char last = token.charAt(token.length() - 2);
    String tampered =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);
    assertProblem(licence(tampered, body), 403, "session-token-invalid");
    // Claims swapped to another title keep the old signature: refused too.
    String[] parts = token.split("\\.");
    String claims =
        new String(java.util.Base64.getUrlDecoder().decode(parts[0])).replace(openTitle, hdTitle);
    String forged =
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
            + "."
            + parts[1];
    assertProblem(licence(forged, body), 403, "session-token-invalid");
    assertProblem(
        api.send("POST", "/api/drm/licenses/clearkey", body, Map.of()),
        401,
        "session-token-missing");

    api.delete("/api/playback/sessions/" + s.getString("sessionId"), v.token());
    assertProblem(licence(token, body), 403, "session-ended");

    JsonObject silent = session(v, v.deviceId(), openTitle);
    // The session goes silent: its last heartbeat's expiry passes (moved into the past).
    assertThat(
            Database.update(
                "UPDATE playback.sessions SET expires_at = now() - interval '1 second'"
                    + " WHERE id = ?::uuid",
                silent.getString("sessionId")))
        .isEqualTo(1);
    assertProblem(licence(silent.getString("token"), body), 403, "session-expired");
    assertProblem(
        api.post(
            "/api/playback/sessions/" + silent.getString("sessionId") + "/heartbeat", v.token()),
        410,
        "session-ended");
  }

  @Test
  void regionWindowAndMaturityAreEnforced() {
    Viewer v = subscriber("UHD", "WEB", null);
    JsonObject s = session(v, v.deviceId(), hdTitle);
    Api.Reply abroad =
        api.send(
            "POST",
            "/api/drm/licenses/clearkey",
            clearKeyRequest("temporary", hdKeyIds.get("SD")),
            Map.of("X-Playback-Session", s.getString("token"), "X-Viewer-Country", "US"));
    assertProblem(abroad, 403, "region-blocked");

    assertProblem(
        Viewers.startSession(api, v, v.deviceId(), futureTitle),
        403,
        "outside-availability-window");

    Api.Reply kids =
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"Kids\",\"kids\":true}", v.token());
    assertThat(kids.status()).as(kids.toString()).isEqualTo(201);
    Viewer child =
        new Viewer(v.email(), v.token(), v.accountId(), kids.json().getString("id"), v.deviceId());
    assertProblem(Viewers.startSession(api, child, v.deviceId(), hdTitle), 403, "maturity-cap");
  }

  @Test
  void keyIdsOfAnotherTitleAndMalformedRequestsAreRefused() {
    Viewer v = subscriber("HD", "WEB", null);
    String token = session(v, v.deviceId(), hdTitle).getString("token");
    assertProblem(
        licence(token, clearKeyRequest("temporary", openKeyIds.get("SD"))), 403, "unknown-key-id");
    assertProblem(licence(token, "this is not json"), 400, "invalid-licence-request");
    assertProblem(licence(token, "{\"kids\":\"AAAA\"}"), 400, "invalid-licence-request");
    assertProblem(licence(token, "{\"kids\":[\"c2hvcnQ\"]}"), 400, "invalid-licence-request");
    assertProblem(licence(token, ""), 400, "invalid-licence-request");
  }

  @Test
  void aRentalStartsAtFirstPlayAndARevokedGrantStopsLicences() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Api.Reply rented = rentOpenTitle(v);
    assertThat(rented.json().containsKey("firstPlayedAt")).isFalse(); // not started yet
    JsonObject s = session(v, v.deviceId(), openTitle);
    assertThat(
            licence(s.getString("token"), clearKeyRequest("temporary", openKeyIds.get("SD")))
                .status())
        .isEqualTo(200);
    JsonObject mine = api.get("/api/accounts/me/entitlements", v.token()).json();
    assertThat(mine.getJsonArray("grants").getJsonObject(0).getString("firstPlayedAt"))
        .isNotBlank();

    String grant = rented.json().getString("id");
    assertThat(
            api.delete("/api/admin/accounts/" + v.accountId() + "/grants/" + grant, admin).status())
        .isEqualTo(204);
    assertProblem(
        licence(s.getString("token"), clearKeyRequest("temporary", openKeyIds.get("SD"))),
        403,
        "not-entitled");
    // Entitlement administration is for admins, with clear errors.
    assertProblem(
        api.putJson(
            "/api/admin/accounts/" + v.accountId() + "/subscription", "{\"plan\":\"GOLD\"}", admin),
        400,
        "unknown-plan");
    assertProblem(
        api.putJson(
            "/api/admin/accounts/" + v.accountId() + "/subscription",
            "{\"plan\":\"SD\"}",
            v.token()),
        403,
        "forbidden");
  }

  @Test
  void aSubscriptionThatEndedOrWasCancelledGivesNoMoreLicencesNorSessions() {
    String body = clearKeyRequest("temporary", openKeyIds.get("SD"));

    // The period runs out (its end moved into the past) while a session is open.
    Viewer lapsed = subscriber("HD", "WEB", null);
    JsonObject open = session(lapsed, lapsed.deviceId(), openTitle);
    Api.Reply before = licence(open.getString("token"), body);
    assertThat(before.status()).as(before.toString()).isEqualTo(200);
    assertThat(
            Database.update(
                "UPDATE accounts.subscriptions SET period_start = period_start - interval '31 days',"
                    + " period_end = now() - interval '1 second'"
                    + " WHERE account_id = ?::uuid AND status = 'ACTIVE'",
                lapsed.accountId()))
        .isEqualTo(1);
    assertProblem(licence(open.getString("token"), body), 403, "not-entitled");
    api.delete("/api/playback/sessions/" + open.getString("sessionId"), lapsed.token());
    assertProblem(
        Viewers.startSession(api, lapsed, lapsed.deviceId(), openTitle), 403, "not-entitled");

    // An administrator cancels the subscription while a session is open.
    Viewer cancelled = subscriber("HD", "WEB", null);
    JsonObject watching = session(cancelled, cancelled.deviceId(), openTitle);
    Api.Reply granted = licence(watching.getString("token"), body);
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    Api.Reply cancel =
        api.delete("/api/admin/accounts/" + cancelled.accountId() + "/subscription", admin);
    assertThat(cancel.status()).as(cancel.toString()).isEqualTo(204);
    assertProblem(licence(watching.getString("token"), body), 403, "not-entitled");
    api.delete("/api/playback/sessions/" + watching.getString("sessionId"), cancelled.token());
    assertProblem(
        Viewers.startSession(api, cancelled, cancelled.deviceId(), openTitle), 403, "not-entitled");
  }

  @Test
  void aRentalWhoseWindowRanOutGivesNoMoreLicencesNorSessions() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Api.Reply rented = rentOpenTitle(v);
    String body = clearKeyRequest("temporary", openKeyIds.get("SD"));
    JsonObject s = session(v, v.deviceId(), openTitle);
    Api.Reply first = licence(s.getString("token"), body);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    // The 48 hours that began at the first play pass (the first play moved into the past).
    assertThat(
            Database.update(
                "UPDATE accounts.title_grants SET first_played_at = first_played_at"
                    + " - (rental_hours * interval '1 hour') - interval '1 second'"
                    + " WHERE id = ?::uuid AND first_played_at IS NOT NULL",
                rented.json().getString("id")))
        .isEqualTo(1);
    assertProblem(licence(s.getString("token"), body), 403, "not-entitled");
    api.delete("/api/playback/sessions/" + s.getString("sessionId"), v.token());
    assertProblem(Viewers.startSession(api, v, v.deviceId(), openTitle), 403, "not-entitled");
  }

  @Test
  void offlineLicencesAreBoundCountedExpiringAndRevocable() throws Exception {
    Viewer v = Viewers.newViewer(api, "MOBILE", null);
    for (String t : List.of(hdTitle, openTitle)) {
      assertThat(
              api.postJson(
                      "/api/admin/accounts/" + v.accountId() + "/grants",
                      "{\"titleId\":\"" + t + "\",\"kind\":\"PURCHASE\",\"maxHeight\":1080}",
                      admin)
                  .status())
          .isEqualTo(201);
    }
    String body = clearKeyRequest("persistent-license", hdKeyIds.get("SD"), hdKeyIds.get("AUDIO"));
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonObject s = session(v, v.deviceId(), hdTitle);
      Api.Reply offline =
          api.send(
              "POST",
              "/api/drm/licenses/offline",
              body,
              Map.of("X-Playback-Session", s.getString("token"), "X-Viewer-Country", GB));
      assertThat(offline.status()).as(offline.toString()).isEqualTo(201);
      assertThat(offline.json().getString("type")).isEqualTo("persistent-license");
      assertThat(offline.json().getJsonArray("keys")).hasSize(2);
      ids.add(offline.json().getString("licenceId"));
      api.delete("/api/playback/sessions/" + s.getString("sessionId"), v.token());
    }
    JsonObject s = session(v, v.deviceId(), hdTitle);
    assertProblem(
        api.send(
            "POST",
            "/api/drm/licenses/offline",
            body,
            Map.of("X-Playback-Session", s.getString("token"), "X-Viewer-Country", GB)),
        403,
        "offline-limit");
    api.delete("/api/playback/sessions/" + s.getString("sessionId"), v.token());
    JsonObject open = session(v, v.deviceId(), openTitle);
    assertProblem(
        api.send(
            "POST",
            "/api/drm/licenses/offline",
            clearKeyRequest("persistent-license", openKeyIds.get("SD")),
            Map.of("X-Playback-Session", open.getString("token"))),
        403,
        "offline-not-allowed");
    api.delete("/api/playback/sessions/" + open.getString("sessionId"), v.token());

    assertThat(api.get("/api/drm/offline-licences", v.token()).array()).hasSize(3);
    String first = ids.get(0);
    assertProblem(
        playOffline(first, Viewers.device(api, v.token(), "TABLET", null), v.token()),
        403,
        "wrong-device");
    Api.Reply play = playOffline(first, v.deviceId(), v.token());
    assertThat(play.status()).as(play.toString()).isEqualTo(200);
    assertThat(Viewers.keys(play.json())).hasSize(2);
    // The play window that opened at this first play runs out (its start moved into the past).
    assertThat(
            Database.update(
                "UPDATE playback.offline_licences SET first_played_at = first_played_at"
                    + " - (play_seconds + 1) * interval '1 second' WHERE id = ?::uuid",
                first))
        .isEqualTo(1);
    assertProblem(playOffline(first, v.deviceId(), v.token()), 403, "offline-expired");

    assertThat(api.delete("/api/drm/offline-licences/" + ids.get(1), v.token()).status())
        .isEqualTo(204);
    assertProblem(playOffline(ids.get(1), v.deviceId(), v.token()), 403, "offline-revoked");
    assertThat(api.delete("/api/drm/offline-licences/" + ids.get(2), admin).status())
        .isEqualTo(204);
    Viewer stranger = Viewers.newViewer(api, "WEB", null);
    assertProblem(
        api.delete("/api/drm/offline-licences/" + ids.get(0), stranger.token()),
        404,
        "offline-licence-not-found");
  }

  @Test
  void hlsKeysPassTheSameChecks() {
    Viewer v = subscriber("HD", "WEB", null);
    JsonObject s = session(v, v.deviceId(), hdTitle);
    Map<String, String> keys =
        Viewers.keys(
            licence(s.getString("token"), clearKeyRequest("temporary", hdKeyIds.get("SD"))).json());
    Map<String, String> headers =
        Map.of("X-Playback-Session", s.getString("token"), "X-Viewer-Country", GB);
    var key = api.getBytes("/api/drm/licenses/hls/" + hdKeyIds.get("SD"), headers);
    assertThat(key.statusCode()).isEqualTo(200);
    assertThat(HexFormat.of().formatHex(key.body())).isEqualTo(keys.get(hdKeyIds.get("SD")));
    assertThat(api.getBytes("/api/drm/licenses/hls/" + hdKeyIds.get("HD"), headers).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aSessionAskedWithInlineLicenceCarriesTheSameKeysAndTheGrantIsAudited() {
    Viewer v = subscriber("HD", "WEB", null);
    Api.Reply r = Viewers.startSession(api, v, v.deviceId(), hdTitle, "?inline=dash,licence");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonObject s = r.json();
    assertThat(s.getString("dashManifest")).contains("<MPD");
    JsonObject inline =
        Json.createReader(new StringReader(s.getString("clearKeyLicence"))).readObject();
    assertThat(inline.getString("type")).isEqualTo("temporary");
    // A software device: the SD and audio keys it was told about, never HD.
    Map<String, String> keys = Viewers.keys(inline);
    assertThat(keys).containsOnlyKeys(hdKeyIds.get("SD"), hdKeyIds.get("AUDIO"));
    // The licence server gives the same keys for the same session.
    Api.Reply asked =
        licence(
            s.getString("token"),
            clearKeyRequest("temporary", hdKeyIds.get("SD"), hdKeyIds.get("AUDIO")));
    assertThat(Viewers.keys(asked.json())).isEqualTo(keys);

    // Both grants are in the audit trail, for this session.
    JsonArray trail = api.get("/api/drm/audit?account=" + v.accountId(), admin).array();
    assertThat(trail).hasSize(2);
    for (JsonValue row : trail) {
      assertThat(row.asJsonObject().getString("outcome")).isEqualTo("GRANTED");
      assertThat(row.asJsonObject().getString("sessionId")).isEqualTo(s.getString("sessionId"));
    }

    // Only the manifest when asked for it alone; an unknown part is refused by name.
    Api.Reply dashOnly = Viewers.startSession(api, v, v.deviceId(), hdTitle, "?inline=dash");
    assertThat(dashOnly.json().containsKey("clearKeyLicence")).isFalse();
    assertProblem(
        Viewers.startSession(api, v, v.deviceId(), hdTitle, "?inline=dash,keys"),
        400,
        "invalid-inline");
  }

  @Test
  void adminsQueryTheAuditTrailWhichHoldsNoKeys() {
    Viewer v = subscriber("HD", "WEB", null);
    JsonObject s = session(v, v.deviceId(), hdTitle);
    Map<String, String> keys =
        Viewers.keys(
            licence(s.getString("token"), clearKeyRequest("temporary", hdKeyIds.get("SD"))).json());
    licence(s.getString("token"), clearKeyRequest("temporary", hdKeyIds.get("HD")));

    Api.Reply trail = api.get("/api/drm/audit?account=" + v.accountId(), admin);
    assertThat(trail.status()).isEqualTo(200);
    assertThat(trail.array()).hasSize(2);
    assertThat(trail.array().getJsonObject(0).getString("outcome")).isEqualTo("DENIED");
    assertThat(trail.array().getJsonObject(0).getString("rule")).isEqualTo("security-level");
    assertThat(trail.array().getJsonObject(1).getString("outcome")).isEqualTo("GRANTED");
    assertThat(trail.array().getJsonObject(1).getString("titleId")).isEqualTo(hdTitle);
    assertThat(trail.body()).doesNotContain(keys.get(hdKeyIds.get("SD")));
    assertThat(api.get("/api/drm/audit?outcome=DENIED&rule=security-level&limit=5", admin).array())
        .isNotEmpty();
    assertProblem(api.get("/api/drm/audit?outcome=MAYBE", admin), 400, "invalid-query");
    assertProblem(api.get("/api/drm/audit", v.token()), 403, "forbidden");
  }

  @Test
  void operatorsSeeWhichKeyEncryptionKeyHoldsTheContentKeys() {
    Api.Reply status = api.get("/api/drm/keys", admin);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().getString("activeKek")).isEqualTo("kek-1");
    assertThat(status.json().getJsonObject("keysByKek").getJsonNumber("kek-1").longValue())
        .isGreaterThanOrEqualTo(5);
    Api.Reply rewrap = api.post("/api/drm/keys/rewrap", admin);
    assertThat(rewrap.status()).isEqualTo(200);
    assertThat(rewrap.json().getInt("rewrapped")).isZero();
    assertThat(status.body()).doesNotContain("\"k\"");
  }

  /** An admin rents the open title to the viewer for 48 hours (the clock starts at first play). */
  private static Api.Reply rentOpenTitle(Viewer v) {
    Api.Reply rented =
        api.postJson(
            "/api/admin/accounts/" + v.accountId() + "/grants",
            "{\"titleId\":\""
                + openTitle
                + "\",\"kind\":\"RENTAL\",\"maxHeight\":1080,\"hours\":48}",
            admin);
    assertThat(rented.status()).as(rented.toString()).isEqualTo(201);
    return rented;
  }
}
