package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-session manifests (private, only the rungs the session may play, ContentProtection and
 * EXT-X-KEY) and the origin behind them (signed URLs, immutable caching, ETag, ranges, nothing
 * outside a title's output).
 */
@ExtendWith(RunningMarquee.class)
class ManifestAndOriginIT {
  private static final Api api = RunningMarquee.api();
  private static String title;

  @BeforeAll
  static void publish() throws Exception {
    Path master = Files.createTempDirectory("manifest-it").resolve("master.mp4");
    new SyntheticMaster(1280, 720, 25, 3, false, List.of("eng", "fra")).writeTo(master);
    String creator = Creators.newCreator(api);
    title =
        Creators.ingest(
            api,
            creator,
            master,
            """
            {"name":"Manifest","synopsis":"Lists.","language":"en","category":"drama",
             "maturityRating":"ALL","releaseYear":2026,
             "licence":{"regions":["WORLD"],"offlineAllowed":false}}""");
    for (String[] file :
        List.of(
            new String[] {
              "fr", "1\n00:00:00,000 --> 00:00:02,500\nBonsoir.\n", "application/x-subrip"
            },
            new String[] {
              "eng", "WEBVTT\n\n00:00.000 --> 00:02.500\nGood evening.\n", "text/vtt"
            })) {
      Api.Reply added =
          api.putText(
              "/api/ingest/titles/" + title + "/subtitles/" + file[0], file[1], file[2], creator);
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(4));
  }

  private static JsonObject session(String deviceType, String level) {
    Viewer v = Viewers.newViewer(api, deviceType, level);
    Viewers.subscribe(api, Viewers.admin(api), v, "UHD");
    Api.Reply r = Viewers.startSession(api, v, v.deviceId(), title);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void theDashManifestListsOnlyTheSessionsRungsWithContentProtection() {
    JsonObject browser = session("WEB", null);
    Api.Reply mpd = Viewers.manifest(api, browser, "dash");
    assertThat(mpd.status()).isEqualTo(200);
    assertThat(mpd.contentType()).startsWith("application/dash+xml");
    assertThat(mpd.header("Cache-Control")).contains("private, no-store");
    String xml = mpd.body();
    assertThat(xml).contains("type=\"static\"", "height=\"240\"", "height=\"480\"");
    // (The thumbnails' sheets are 1280x720 pictures of 256x144 tiles: not a video rung.)
    assertThat(xml).doesNotContain("<Representation id=\"720p\"");
    assertThat(xml)
        .contains(
            "cenc:default_KID=\"" + browser.getJsonObject("keyIds").getString("SD") + "\"",
            "urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e",
            "<dashif:Laurl>/api/drm/licenses/clearkey</dashif:Laurl>",
            "lang=\"eng\"",
            "lang=\"fra\"",
            "<SegmentTimeline>",
            "/cenc/seg-$Number$.m4s?exp=");

    JsonObject tv = session("TV", "HARDWARE");
    String hd = Viewers.manifest(api, tv, "dash").body();
    assertThat(hd)
        .contains("<Representation id=\"720p\"", tv.getJsonObject("keyIds").getString("HD"));

    // Without the token, or with another session's, the manifest stays closed.
    String url = browser.getJsonObject("manifests").getString("dash");
    assertProblem(api.get(url), 401, "session-token-missing");
    assertProblem(
        api.send("GET", url, null, Map.of("X-Playback-Session", tv.getString("token"))),
        403,
        "session-token-invalid");
  }

  @Test
  void aSessionAskedWithInlineDashCarriesTheManifestItsUrlServes() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), v, "UHD");
    Api.Reply r = Viewers.startSession(api, v, v.deviceId(), title, "?inline=dash");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonObject s = r.json();
    String inline = s.getString("dashManifest");
    String served = Viewers.manifest(api, s, "dash").body();
    // The same document (segment signatures are hourly: a request over the hour may differ there).
    assertThat(unsigned(inline)).isEqualTo(unsigned(served));
    assertThat(inline)
        .contains(
            "cenc:default_KID=\"" + s.getJsonObject("keyIds").getString("SD") + "\"",
            "<dashif:Laurl>/api/drm/licenses/clearkey</dashif:Laurl>",
            "height=\"480\"")
        .doesNotContain("<Representation id=\"720p\"");

    // Asked without it, the answer carries no manifest; any other value is refused.
    assertThat(session("WEB", null).containsKey("dashManifest")).isFalse();
    assertProblem(
        Viewers.startSession(api, v, v.deviceId(), title, "?inline=hls"), 400, "invalid-inline");
  }

  private static String unsigned(String manifest) {
    return manifest.replaceAll("exp=\\d+&(amp;)?sig=[A-Za-z0-9_-]+", "exp=E&sig=S");
  }

  @Test
  void theHlsPlaylistsCarryBandwidthCodecsAudioGroupsMapAndKey() {
    JsonObject s = session("WEB", null);
    Api.Reply master = Viewers.manifest(api, s, "hls");
    assertThat(master.status()).isEqualTo(200);
    assertThat(master.contentType()).startsWith("application/vnd.apple.mpegurl");
    String m3u8 = master.body();
    assertThat(m3u8)
        .startsWith("#EXTM3U")
        .contains(
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"eng\"",
            "LANGUAGE=\"fra\"",
            "AVERAGE-BANDWIDTH=",
            "RESOLUTION=426x240",
            "FRAME-RATE=25.000",
            "CODECS=\"avc1.",
            ",mp4a.40.2\"");
    assertThat(m3u8).doesNotContain("x720");
    Matcher media =
        Pattern.compile("(/api/playback/manifests/\\S+/media/480p\\.m3u8\\S*)").matcher(m3u8);
    assertThat(media.find()).isTrue();
    String playlist = withToken(media.group(1), s).body();
    assertThat(playlist)
        .contains(
            "#EXT-X-PLAYLIST-TYPE:VOD",
            "#EXT-X-TARGETDURATION:2",
            "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"/api/drm/licenses/hls/"
                + s.getJsonObject("keyIds").getString("SD"),
            "KEYFORMAT=\"identity\"",
            // The same key for EME players (hls.js): its key id as a data: URI, ClearKey format.
            "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"data:text/plain;base64,"
                + keyIdBase64(s.getJsonObject("keyIds").getString("SD"))
                + "\",KEYFORMAT=\"org.w3.clearkey\"",
            "#EXT-X-MAP:URI=\"/api/origin/",
            "/cbcs/init.mp4?exp=",
            "#EXTINF:2.00000,",
            "#EXT-X-ENDLIST");
  }

  @Test
  void anHlsPlayerMayAskForTheKeyInOneFormatOnly() {
    JsonObject s = session("WEB", null);
    String sd = s.getJsonObject("keyIds").getString("SD");
    String url = s.getJsonObject("manifests").getString("hls") + "?keyformat=org.w3.clearkey";
    String m3u8 =
        api.send("GET", url, null, Map.of("X-Playback-Session", s.getString("token"))).body();
    Matcher media =
        Pattern.compile("(/api/playback/manifests/\\S+/media/480p\\.m3u8\\S*)").matcher(m3u8);
    assertThat(media.find()).as(m3u8).isTrue();
    assertThat(media.group(1)).endsWith("?keyformat=org.w3.clearkey");
    String playlist = withToken(media.group(1), s).body();
    assertThat(playlist)
        .contains("#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"data:text/plain;base64," + keyIdBase64(sd))
        .doesNotContain("KEYFORMAT=\"identity\"", "/api/drm/licenses/hls/");
    // Ticketed, the chosen format and the ticket travel together.
    String ticketed =
        api.get(s.getJsonObject("manifests").getString("hlsTicketed") + "&keyformat=identity")
            .body();
    Matcher ticketedMedia =
        Pattern.compile("(/api/playback/manifests/\\S+/media/480p\\.m3u8\\S*)").matcher(ticketed);
    assertThat(ticketedMedia.find()).as(ticketed).isTrue();
    assertThat(ticketedMedia.group(1)).contains("ticket=", "keyformat=identity");
    assertThat(api.get(ticketedMedia.group(1)).body())
        .contains("KEYFORMAT=\"identity\"")
        .doesNotContain("org.w3.clearkey");
    assertProblem(
        api.send(
            "GET",
            s.getJsonObject("manifests").getString("hls")
                + "?keyformat=com.apple.streamingkeydelivery",
            null,
            Map.of("X-Playback-Session", s.getString("token"))),
        400,
        "unsupported-key-format");
  }

  private static String keyIdBase64(String keyId) {
    UUID id = UUID.fromString(keyId);
    return Base64.getEncoder()
        .encodeToString(
            ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array());
  }

  @Test
  void theOriginServesSignedImmutableSegmentsWithEtagsAndRanges() throws Exception {
    JsonObject s = session("WEB", null);
    String xml = Viewers.manifest(api, s, "dash").body();
    Matcher init = Pattern.compile("initialization=\"([^\"]+)\"").matcher(xml);
    assertThat(init.find()).isTrue();
    String url = init.group(1).replace("&amp;", "&");

    Api.Reply whole = api.get(url);
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.contentType()).isEqualTo("video/mp4");
    assertThat(whole.header("Cache-Control")).contains("public, max-age=31536000, immutable");
    String etag = whole.header("ETag").orElseThrow();
    long size = Long.parseLong(whole.header("Content-Length").orElseThrow());

    Api.Reply range = api.send("GET", url, null, Map.of("Range", "bytes=0-7"));
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.header("Content-Range")).contains("bytes 0-7/" + size);
    assertThat(range.body().substring(4, 8)).isEqualTo("ftyp");
    assertThat(api.send("GET", url, null, Map.of("Range", "bytes=" + size + "-")).status())
        .isEqualTo(416);
    assertThat(api.send("GET", url, null, Map.of("If-None-Match", etag)).status()).isEqualTo(304);

    String path = url.substring(0, url.indexOf('?'));
    String exp = query(url, "exp");
    String sig = query(url, "sig");
    assertProblem(
        api.get(
            path
                + "?exp="
                + exp
                + "&sig="
                + sig.replace(sig.charAt(0), sig.charAt(0) == 'A' ? 'B' : 'A')),
        403,
        "bad-signature");
    assertProblem(
        api.get(path + "?exp=" + (Long.parseLong(exp) + 3600) + "&sig=" + sig),
        403,
        "bad-signature");
    assertProblem(api.get(path), 403, "bad-signature");
    // The same expiry written another way is another URL: the signature does not open it.
    assertProblem(api.get(path + "?exp=%2B" + exp + "&sig=" + sig), 403, "bad-signature");
    assertProblem(api.get(path + "?exp=000" + exp + "&sig=" + sig), 403, "bad-signature");
    // Correctly signed, but past its expiry (signed here as an edge holding the secret would).
    String titlePrefix = path.substring("/api/origin/".length()).split("/video/")[0] + "/";
    long past = java.time.Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    assertProblem(
        api.get(path + "?exp=" + past + "&sig=" + originSignature(titlePrefix, past)),
        403,
        "url-expired");
    // Outside a title's CMAF output: not served, whatever the signature.
    String prefix = path.substring(0, path.indexOf("/video/"));
    Api.Reply traversal =
        api.get(prefix + "/video/..%2F..%2Fmaster.mp4?exp=" + exp + "&sig=" + sig);
    // Liberty's HTTP layer refuses a path whose decoded form climbs out of its parent (400)
    // before any application code sees it; the master is never served.
    assertThat(traversal.status()).isEqualTo(400);
    ProblemAssert.assertNoInternals(traversal);
    assertProblem(
        api.get("/api/origin/masters/any/master.mp4?exp=" + exp + "&sig=" + sig),
        404,
        "segment-not-found");
  }

  @Test
  void theSessionListsTracksAndBothManifestsCarryTheSubtitlesFromTheOrigin() {
    JsonObject s = session("WEB", null);
    assertThat(s.getJsonArray("audio").stream().map(t -> t.asJsonObject().getString("language")))
        .containsExactlyInAnyOrder("eng", "fra");
    assertThat(
            s.getJsonArray("subtitles").stream().map(t -> t.asJsonObject().getString("language")))
        .containsExactly("eng", "fr");
    assertThat(s.getJsonObject("resume").getJsonNumber("positionSeconds").doubleValue()).isZero();

    String xml = Viewers.manifest(api, s, "dash").body();
    assertThat(xml).contains("contentType=\"text\" mimeType=\"text/vtt\" lang=\"fr\"");
    Matcher base = Pattern.compile("<BaseURL>([^<]+/subtitles/fr-[^<]+)</BaseURL>").matcher(xml);
    assertThat(base.find()).as(xml).isTrue();
    String url = base.group(1).replace("&amp;", "&");
    Api.Reply vtt = api.get(url);
    assertThat(vtt.status()).isEqualTo(200);
    assertThat(vtt.contentType()).startsWith("text/vtt");
    assertThat(vtt.header("Cache-Control")).contains("public, max-age=31536000, immutable");
    assertThat(vtt.body()).startsWith("WEBVTT").contains("Bonsoir.");

    String m3u8 = Viewers.manifest(api, s, "hls").body();
    assertThat(m3u8)
        .contains(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"eng\"",
            "LANGUAGE=\"fr\"",
            "SUBTITLES=\"subs\"");
    Matcher media =
        Pattern.compile("URI=\"(/api/playback/manifests/\\S+/media/subtitles-fr\\.m3u8[^\"]*)\"")
            .matcher(m3u8);
    assertThat(media.find()).as(m3u8).isTrue();
    String playlist = withToken(media.group(1), s).body();
    assertThat(playlist).contains("#EXTINF:3.", "/subtitles/fr-", "#EXT-X-ENDLIST");

    // The segments' signature does not open the subtitles (another prefix), nor the reverse.
    Matcher init = Pattern.compile("initialization=\"([^\"]+)\"").matcher(xml);
    assertThat(init.find()).isTrue();
    String segmentUrl = init.group(1).replace("&amp;", "&");
    String segmentQuery = segmentUrl.substring(segmentUrl.indexOf('?'));
    assertProblem(api.get(url.substring(0, url.indexOf('?')) + segmentQuery), 403, "bad-signature");
    assertProblem(
        api.get(segmentUrl.substring(0, segmentUrl.indexOf('?')) + url.substring(url.indexOf('?'))),
        403,
        "bad-signature");
  }

  @Test
  void bothManifestsOfferTrickPlayThumbnailSheetsFromTheOrigin() throws Exception {
    JsonObject s = session("WEB", null);
    // DASH: an image set of 5x5 sheets (each 1280x720 for a 16:9 master: 256x144 tiles), every
    // sheet standing for 25 thumbnails of 2 s.
    String xml = Viewers.manifest(api, s, "dash").body();
    assertThat(xml)
        .contains(
            "contentType=\"image\" mimeType=\"image/jpeg\"",
            "width=\"1280\" height=\"720\"",
            "schemeIdUri=\"http://dashif.org/thumbnail_tile\" value=\"5x5\"",
            "timescale=\"1000\" startNumber=\"1\" duration=\"50000\"");
    Matcher template =
        Pattern.compile("media=\"([^\"]+/thumbs/sheet-\\$Number\\$\\.jpg[^\"]*)\"").matcher(xml);
    assertThat(template.find()).as(xml).isTrue();
    String sheetUrl = template.group(1).replace("&amp;", "&").replace("$Number$", "1");

    Api.Reply sheet = api.get(sheetUrl);
    assertThat(sheet.status()).as(sheet.toString()).isEqualTo(200);
    assertThat(sheet.contentType()).isEqualTo("image/jpeg");
    assertThat(sheet.header("Cache-Control")).contains("public, max-age=31536000, immutable");
    var bytes = api.getBytes(sheetUrl, Map.of());
    var picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes.body()));
    assertThat(picture).as("a JPEG a browser can draw").isNotNull();
    assertThat(picture.getWidth()).isEqualTo(1280);
    assertThat(picture.getHeight()).isEqualTo(720);
    // A 3 s title has two thumbnails: the first two tiles are pictures of the master (the
    // synthetic master is never black), the rest of the grid is left empty (black).
    assertThat(brightness(picture, 0, 0)).isGreaterThan(20);
    assertThat(brightness(picture, 256, 0)).isGreaterThan(20);
    assertThat(brightness(picture, 4 * 256, 4 * 144)).isLessThan(8);
    // No second sheet, and the sheet's signature opens no segment outside thumbs/ (the path
    // pattern is the origin's, whatever the signature).
    assertProblem(
        api.get(sheetUrl.replace("sheet-1.jpg", "sheet-2.jpg")), 404, "segment-not-found");
    assertProblem(
        api.get(sheetUrl.replace("sheet-1.jpg", "sheet-1.png")), 404, "segment-not-found");

    // HLS: an image stream in the multivariant playlist, its playlist a sheet per segment.
    String m3u8 = Viewers.manifest(api, s, "hls").body();
    Matcher images =
        Pattern.compile(
                "#EXT-X-IMAGE-STREAM-INF:BANDWIDTH=\\d+,RESOLUTION=256x144,CODECS=\"jpeg\",URI=\"([^\"]+)\"")
            .matcher(m3u8);
    assertThat(images.find()).as(m3u8).isTrue();
    String playlist = withToken(images.group(1), s).body();
    assertThat(playlist)
        .contains(
            "#EXT-X-IMAGES-ONLY",
            "#EXT-X-TILES:RESOLUTION=256x144,LAYOUT=5x5,DURATION=2.000",
            "/thumbs/sheet-1.jpg?exp=",
            "#EXT-X-ENDLIST");
    // The one sheet's segment ends with the title (3 s), not with the grid (50 s).
    assertThat(playlist).containsPattern("#EXTINF:3\\.\\d+,");
  }

  private static int brightness(java.awt.image.BufferedImage picture, int left, int top) {
    long sum = 0;
    int n = 0;
    for (int y = top + 8; y < top + 136; y += 8) {
      for (int x = left + 8; x < left + 248; x += 8) {
        int rgb = picture.getRGB(x, y);
        sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        n += 3;
      }
    }
    return (int) (sum / n);
  }

  private static Api.Reply withToken(String url, JsonObject session) {
    return api.send("GET", url, null, Map.of("X-Playback-Session", session.getString("token")));
  }

  private static String query(String url, String name) {
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(name + " missing in " + url);
  }

  /** HMAC-SHA256 over "prefix|exp" with the stack's origin secret, as OriginSigner signs. */
  private static String originSignature(String titlePrefix, long exp) throws Exception {
    byte[] secret =
        java.nio.file.Files.readString(
                RunningMarquee.stack().home().resolve("secrets/origin-url-secret"))
            .strip()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            mac.doFinal(
                (titlePrefix + "|" + exp).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }
}
