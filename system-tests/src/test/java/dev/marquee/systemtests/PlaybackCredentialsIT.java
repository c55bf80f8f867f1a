package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where playback credentials travel (ADR 15), attacked over HTTP: the session token opens
 * manifests, licences, HLS keys and QoE in the X-Playback-Session header and is refused in any URL;
 * URLs carry at most a URL ticket, which opens its one URL for minutes and no other; manifests
 * carry no wildcard CORS; the access log records no credential.
 */
@ExtendWith(RunningMarquee.class)
class PlaybackCredentialsIT {
  private static final Api api = RunningMarquee.api();
  private static final String HEADER = "X-Playback-Session";
  private static String title;

  @BeforeAll
  static void publish() throws Exception {
    Path master = Files.createTempDirectory("credentials-it").resolve("master.mp4");
    new SyntheticMaster(640, 360, 25, 2, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    title =
        Creators.ingest(
            api,
            creator,
            master,
            """
            {"name":"Credentials","synopsis":"Headers.","language":"en","category":"drama",
             "maturityRating":"ALL","releaseYear":2026,
             "licence":{"regions":["WORLD"],"offlineAllowed":false}}""");
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(4));
  }

  private record Started(Viewer viewer, JsonObject session) {
    String id() {
      return session.getString("sessionId");
    }

    String token() {
      return session.getString("token");
    }

    String kid(String type) {
      return session.getJsonObject("keyIds").getString(type);
    }

    String manifest(String name) {
      return session.getJsonObject("manifests").getString(name);
    }
  }

  private static Started start() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), v, "HD");
    Api.Reply r = Viewers.startSession(api, v, v.deviceId(), title);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return new Started(v, r.json());
  }

  /** A heartbeat keeps the session live and answers with its new expiry. */
  private static JsonObject keepAlive(Started s) {
    Api.Reply beat =
        api.post("/api/playback/sessions/" + s.id() + "/heartbeat", s.viewer().token());
    assertThat(beat.status()).as(beat.toString()).isEqualTo(200);
    return beat.json();
  }

  private static Api.Reply withHeader(String method, String url, String body, String token) {
    return api.send(
        method,
        url,
        body,
        body == null
            ? Map.of(HEADER, token)
            : Map.of(HEADER, token, "Content-Type", "application/json"));
  }

  private static Api.Reply licence(String url, String kid, Map<String, String> headers) {
    return api.send("POST", url, Viewers.clearKeyRequest("temporary", kid), headers);
  }

  @Test
  void theSessionTokenOpensEverythingFromTheHeaderAndTheSessionNamesNoCredentialInItsUrls() {
    Started s = start();
    assertThat(s.manifest("dash")).isEqualTo("/api/playback/manifests/" + s.id() + "/manifest.mpd");
    assertThat(s.manifest("hls")).isEqualTo("/api/playback/manifests/" + s.id() + "/master.m3u8");
    assertThat(s.session().getJsonObject("licence").toString()).doesNotContain("?");

    // Asked with the header, a manifest's own URLs carry no credential: the player sends the
    // header there too.
    Api.Reply mpd = withHeader("GET", s.manifest("dash"), null, s.token());
    assertThat(mpd.status()).as(mpd.toString()).isEqualTo(200);
    assertThat(mpd.body())
        .contains("<dashif:Laurl>/api/drm/licenses/clearkey</dashif:Laurl>")
        .doesNotContain("ticket=", "token=", "session=", s.token());
    Api.Reply master = withHeader("GET", s.manifest("hls"), null, s.token());
    assertThat(master.status()).isEqualTo(200);
    assertThat(master.body()).doesNotContain("ticket=", "token=", s.token());
    Matcher media =
        Pattern.compile("(/api/playback/manifests/\\S+/media/\\S+p\\.m3u8)\n")
            .matcher(master.body());
    assertThat(media.find()).as(master.body()).isTrue();
    Api.Reply playlist = withHeader("GET", media.group(1), null, s.token());
    assertThat(playlist.status()).isEqualTo(200);
    assertThat(playlist.body())
        .contains(
            "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"/api/drm/licenses/hls/" + s.kid("SD") + "\",");

    keepAlive(s);
    Api.Reply keys = licence("/api/drm/licenses/clearkey", s.kid("SD"), Map.of(HEADER, s.token()));
    assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
    assertThat(Viewers.keys(keys.json())).containsKey(s.kid("SD"));
    var hlsKey = api.getBytes("/api/drm/licenses/hls/" + s.kid("SD"), Map.of(HEADER, s.token()));
    assertThat(hlsKey.statusCode()).isEqualTo(200);
    assertThat(hlsKey.body()).hasSize(16);
    Api.Reply qoe =
        withHeader(
            "POST",
            "/api/playback/qoe",
            "{\"events\":[{\"seq\":0,\"type\":\"STARTUP\",\"valueMs\":800,\"clientTime\":\""
                + Instant.now()
                + "\"}]}",
            s.token());
    assertThat(qoe.status()).as(qoe.toString()).isEqualTo(202);

    // A heartbeat hands out a renewed token, which opens the manifest as well.
    JsonObject renewed = keepAlive(s);
    assertThat(Instant.parse(renewed.getString("tokenExpiresAt")))
        .isAfter(Instant.now().plus(Duration.ofMinutes(5)));
    assertThat(withHeader("GET", s.manifest("dash"), null, renewed.getString("token")).status())
        .isEqualTo(200);
  }

  @Test
  void aTokenPastItsLifetimeIsRefusedWhileItsSessionLivesAndAHeartbeatRenewsIt() throws Exception {
    Started s = start();
    keepAlive(s);
    // The session's own token, but with its lifetime over (the expiry claim a second in the past).
    String expired = tokenExpiringAt(s.token(), Instant.now().getEpochSecond() - 1);
    assertThat(expired).isNotEqualTo(s.token());
    assertProblem(
        licence("/api/drm/licenses/clearkey", s.kid("SD"), Map.of(HEADER, expired)),
        403,
        "session-expired");
    assertProblem(withHeader("GET", s.manifest("dash"), null, expired), 403, "session-expired");
    assertProblem(
        withHeader("POST", "/api/playback/qoe", "{\"events\":[]}", expired),
        401,
        "session-expired");
    // Re-signed with an expiry ahead, the same claims open it: only the lifetime refused it.
    String ahead = tokenExpiringAt(s.token(), Instant.now().getEpochSecond() + 60);
    assertThat(withHeader("GET", s.manifest("dash"), null, ahead).status()).isEqualTo(200);

    // The session lives on: a heartbeat hands out a renewed token, which gets keys again.
    JsonObject renewed = keepAlive(s);
    Api.Reply keys =
        licence(
            "/api/drm/licenses/clearkey", s.kid("SD"), Map.of(HEADER, renewed.getString("token")));
    assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
    assertThat(Viewers.keys(keys.json())).containsKey(s.kid("SD"));
  }

  @Test
  void theSessionTokenInAUrlIsRefusedEverywhereEvenBesideTheHeader() {
    Started s = start();
    String inUrl = URLEncoder.encode(s.token(), StandardCharsets.UTF_8);
    assertProblem(api.get(s.manifest("dash") + "?token=" + inUrl), 401, "session-token-in-url");
    assertProblem(
        withHeader("GET", s.manifest("hls") + "?token=" + inUrl, null, s.token()),
        401,
        "session-token-in-url");
    assertProblem(
        licence("/api/drm/licenses/clearkey?session=" + inUrl, s.kid("SD"), Map.of()),
        401,
        "session-token-in-url");
    assertProblem(
        licence(
            "/api/drm/licenses/clearkey?session=" + inUrl, s.kid("SD"), Map.of(HEADER, s.token())),
        401,
        "session-token-in-url");
    assertProblem(
        api.get("/api/drm/licenses/hls/" + s.kid("SD") + "?session=" + inUrl),
        401,
        "session-token-in-url");
    assertProblem(
        api.send(
            "POST",
            "/api/playback/qoe?token=" + inUrl,
            "{\"events\":[]}",
            Map.of("Content-Type", "application/json")),
        401,
        "session-token-in-url");
  }

  @Test
  void aUrlTicketOpensItsOneUrlForMinutesAndNothingElse() throws Exception {
    Started s = start();
    String dashTicketed = s.manifest("dashTicketed");
    String hlsTicketed = s.manifest("hlsTicketed");
    assertThat(dashTicketed).startsWith(s.manifest("dash") + "?ticket=").doesNotContain(s.token());
    assertThat(hlsTicketed).startsWith(s.manifest("hls") + "?ticket=");
    Instant expires =
        Instant.parse(s.session().getJsonObject("manifests").getString("ticketsExpireAt"));
    assertThat(expires)
        .isAfter(Instant.now().plus(Duration.ofMinutes(2)))
        .isBefore(Instant.now().plus(Duration.ofMinutes(16)));

    // A player without headers: the manifest, the licence URL inside it, the HLS playlists and key.
    Api.Reply mpd = api.get(dashTicketed);
    assertThat(mpd.status()).as(mpd.toString()).isEqualTo(200);
    assertThat(mpd.body()).doesNotContain(s.token());
    Matcher laurl = Pattern.compile("<dashif:Laurl>([^<]+)</dashif:Laurl>").matcher(mpd.body());
    assertThat(laurl.find()).isTrue();
    String licenceUrl = laurl.group(1).replace("&amp;", "&");
    assertThat(licenceUrl).startsWith("/api/drm/licenses/clearkey?ticket=");
    Api.Reply keys = licence(licenceUrl, s.kid("SD"), Map.of());
    assertThat(keys.status()).as(keys.toString()).isEqualTo(200);

    keepAlive(s);
    Api.Reply master = api.get(hlsTicketed);
    assertThat(master.status()).isEqualTo(200);
    Matcher media =
        Pattern.compile("(/api/playback/manifests/\\S+/media/\\S+p\\.m3u8\\?ticket=\\S+)\n")
            .matcher(master.body());
    assertThat(media.find()).as(master.body()).isTrue();
    Api.Reply playlist = api.get(media.group(1));
    assertThat(playlist.status()).as(playlist.toString()).isEqualTo(200);
    Matcher key =
        Pattern.compile("#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"([^\"]+)\"").matcher(playlist.body());
    assertThat(key.find()).isTrue();
    String keyUrl = key.group(1);
    assertThat(keyUrl).startsWith("/api/drm/licenses/hls/" + s.kid("SD") + "?ticket=");
    var hlsKey = api.getBytes(keyUrl, Map.of());
    assertThat(hlsKey.statusCode()).isEqualTo(200);
    assertThat(hlsKey.body()).hasSize(16);

    // A ticket opens its own URL and no other: not the other manifest, not another key, not the
    // licence, not another session's manifest.
    keepAlive(s);
    String dashTicket = query(dashTicketed, "ticket");
    String keyTicket = query(keyUrl, "ticket");
    assertProblem(api.get(s.manifest("hls") + "?ticket=" + dashTicket), 403, "url-ticket-invalid");
    assertProblem(
        api.get("/api/drm/licenses/hls/" + s.kid("AUDIO") + "?ticket=" + keyTicket),
        403,
        "url-ticket-invalid");
    assertProblem(
        licence("/api/drm/licenses/clearkey?ticket=" + keyTicket, s.kid("SD"), Map.of()),
        403,
        "url-ticket-invalid");
    Started other = start();
    assertProblem(
        api.get(other.manifest("dash") + "?ticket=" + dashTicket), 403, "url-ticket-invalid");
    String forged = dashTicket.substring(0, dashTicket.lastIndexOf('.') + 1) + "AAAA";
    assertProblem(api.get(s.manifest("dash") + "?ticket=" + forged), 403, "url-ticket-invalid");

    // Correctly signed for this very URL, but already expired (signed here as a server would).
    String dashPath = s.manifest("dash");
    long past = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    assertProblem(
        api.get(dashPath + "?ticket=" + ticket(dashPath, s.id(), past)), 403, "url-ticket-expired");
    // The same signing, a minute ahead, opens it: the expired one failed only by its expiry.
    keepAlive(s);
    long ahead = Instant.now().plus(Duration.ofMinutes(1)).getEpochSecond();
    assertThat(api.get(dashPath + "?ticket=" + ticket(dashPath, s.id(), ahead)).status())
        .isEqualTo(200);

    // A ticket dies with its session.
    assertThat(api.delete("/api/playback/sessions/" + s.id(), s.viewer().token()).status())
        .isEqualTo(204);
    assertProblem(api.get(dashTicketed), 403, "session-ended");

    // Fresh tickets for a live session, for its owner only.
    Api.Reply fresh =
        api.get("/api/playback/sessions/" + other.id() + "/manifests", other.viewer().token());
    assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
    assertThat(api.get(fresh.json().getString("dashTicketed")).status()).isEqualTo(200);
    assertThat(
            api.get("/api/playback/sessions/" + other.id() + "/manifests", s.viewer().token())
                .status())
        .isEqualTo(404);
  }

  @Test
  void manifestsCarryNoWildcardCors() {
    Started s = start();
    Map<String, String> fromElsewhere =
        Map.of(HEADER, s.token(), "Origin", "https://attacker.example");
    for (String url : List.of(s.manifest("dash"), s.manifest("hls"))) {
      Api.Reply r = api.send("GET", url, null, fromElsewhere);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.header("Access-Control-Allow-Origin")).as(url).isEmpty();
    }
    Api.Reply ticketed =
        api.send(
            "GET", s.manifest("dashTicketed"), null, Map.of("Origin", "https://attacker.example"));
    assertThat(ticketed.status()).isEqualTo(200);
    assertThat(ticketed.header("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void theAccessLogRecordsPathsButNoCredential() throws Exception {
    Started s = start();
    String dashTicketed = s.manifest("dashTicketed");
    assertThat(api.get(dashTicketed).status()).isEqualTo(200);
    assertThat(withHeader("GET", s.manifest("hls"), null, s.token()).status()).isEqualTo(200);
    api.get(s.manifest("dash") + "?token=" + URLEncoder.encode(s.token(), StandardCharsets.UTF_8));

    Path log = RunningMarquee.stack().liberty().logFile().resolveSibling("http_access.log");
    String wanted = s.manifest("hls");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String text = "";
    while (System.nanoTime() < deadline) {
      text = Files.exists(log) ? Files.readString(log) : "";
      if (text.contains(wanted)) {
        break;
      }
      Thread.sleep(200); // the access log is written asynchronously
    }
    assertThat(text).as("access log at " + log).contains(s.manifest("dash"), wanted);
    assertThat(text)
        .doesNotContain(s.token(), query(dashTicketed, "ticket"), "ticket=", "token=", "?");
  }

  private static String query(String url, String name) {
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(name + " missing in " + url);
  }

  /** HMAC-SHA256 keyed with the stack's playback secret, as the servers sign. */
  private static Mac playbackMac() throws Exception {
    String text =
        Files.readString(RunningMarquee.stack().home().resolve("secrets/playback-token-secret"))
            .strip();
    byte[] secret =
        text.contains("-") || text.contains("_")
            ? Base64.getUrlDecoder().decode(text)
            : Base64.getDecoder().decode(text);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    return mac;
  }

  /**
   * The same session token with its expiry (the last of its claims) set to {@code exp}, signed with
   * the stack's playback secret as SessionTokens signs: genuine in every respect but its age.
   */
  private static String tokenExpiringAt(String token, long exp) throws Exception {
    String claims =
        new String(
            Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            StandardCharsets.US_ASCII);
    String aged = claims.substring(0, claims.lastIndexOf('|') + 1) + exp;
    byte[] payload = aged.getBytes(StandardCharsets.US_ASCII);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(payload) + "." + b64.encodeToString(playbackMac().doFinal(payload));
  }

  /** A URL ticket signed with the stack's playback secret, as UrlTickets signs. */
  private static String ticket(String path, String session, long exp) throws Exception {
    Mac mac = playbackMac();
    String payload = String.join("|", "url-ticket", "v1", path, session, Long.toString(exp));
    return session
        + "."
        + exp
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }
}
