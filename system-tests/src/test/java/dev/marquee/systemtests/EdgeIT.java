package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.EdgeTier;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A title played through the edge tier (ADR 24): nginx edge with njs signature checks over an nginx
 * origin shield over Marquee's origin. Segments come through with the origin's bytes and are cached
 * (the second fetch is a hit, a byte range is served from cache), a bad or expired signature is
 * refused at the edge even for a cached segment, and manifests and licences pass through uncached.
 */
@ExtendWith(RunningMarquee.class)
class EdgeIT {
  private static final Api origin = RunningMarquee.api();
  private static EdgeTier tier;
  private static Api edge;
  private static String title;

  @BeforeAll
  static void publishAndStartTheEdge() throws Exception {
    Path master = Files.createTempDirectory("edge-it").resolve("master.mp4");
    new SyntheticMaster(640, 360, 25, 4, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(origin);
    title =
        Creators.ingest(
            origin,
            creator,
            master,
            """
            {"name":"Edge","synopsis":"Cached.","language":"en","category":"drama",
             "maturityRating":"ALL","releaseYear":2026,
             "licence":{"regions":["WORLD"],"offlineAllowed":false}}""");
    Creators.awaitPublished(origin, creator, title, Duration.ofMinutes(4));
    tier =
        EdgeTier.inFrontOf(
                RunningMarquee.stack(),
                RunningMarquee.freePort(),
                RunningMarquee.freePort(),
                RunningMarquee.freePort())
            .start();
    edge = new Api(tier.baseUrl());
  }

  @AfterAll
  static void stopTheEdge() throws Exception {
    if (tier != null) {
      tier.close();
    }
  }

  private static JsonObject session() {
    Viewer v = Viewers.newViewer(origin, "WEB", null);
    Viewers.subscribe(origin, Viewers.admin(origin), v, "UHD");
    Api.Reply r = Viewers.startSession(origin, v, v.deviceId(), title);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  /** The first media segment's signed URL from the session's DASH manifest, read via the edge. */
  private static String firstSegmentUrl(JsonObject session) {
    Api.Reply mpd = Viewers.manifest(edge, session, "dash");
    assertThat(mpd.status()).as(mpd.toString()).isEqualTo(200);
    Matcher media = Pattern.compile("media=\"([^\"]+)\"").matcher(mpd.body());
    assertThat(media.find()).as(mpd.body()).isTrue();
    return media.group(1).replace("&amp;", "&").replace("$Number$", "1");
  }

  private static HttpResponse<byte[]> bytes(Api api, String url, Map<String, String> headers) {
    return api.getBytes(url, headers);
  }

  @Test
  void segmentsComeThroughTheEdgeWithTheOriginsBytesAndTheSecondFetchIsACacheHit() {
    String url = firstSegmentUrl(session());
    HttpResponse<byte[]> direct = bytes(origin, url, Map.of());
    assertThat(direct.statusCode()).isEqualTo(200);

    HttpResponse<byte[]> first = bytes(edge, url, Map.of());
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo(direct.body());
    assertThat(first.headers().firstValue("X-Cache-Status")).contains("MISS");
    assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");

    HttpResponse<byte[]> second = bytes(edge, url, Map.of());
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(direct.body());
    assertThat(second.headers().firstValue("X-Cache-Status")).contains("HIT");

    // A byte range of the cached segment, served from the edge's cache.
    HttpResponse<byte[]> range = bytes(edge, url, Map.of("Range", "bytes=100-299"));
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.headers().firstValue("Content-Range"))
        .contains("bytes 100-299/" + direct.body().length);
    assertThat(range.headers().firstValue("X-Cache-Status")).contains("HIT");
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(direct.body(), 100, 300));
  }

  @Test
  void aRangeAskedForFirstIsServedAndThenComesFromTheCache() {
    JsonObject s = session();
    String url = firstSegmentUrl(s).replace("seg-1.m4s", "seg-2.m4s");
    HttpResponse<byte[]> direct = bytes(origin, url, Map.of());
    assertThat(direct.statusCode()).isEqualTo(200);
    int size = direct.body().length;

    HttpResponse<byte[]> tail = bytes(edge, url, Map.of("Range", "bytes=-50"));
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(direct.body(), size - 50, size));
    HttpResponse<byte[]> whole = bytes(edge, url, Map.of());
    assertThat(whole.headers().firstValue("X-Cache-Status")).contains("HIT");
    assertThat(whole.body()).isEqualTo(direct.body());
  }

  @Test
  void aBadOrExpiredSignatureIsRefusedAtTheEdgeEvenForACachedSegment() throws Exception {
    // The cbcs copy of the segment: one no other test fetches, so their cache states stay apart.
    String url = firstSegmentUrl(session()).replace("/cenc/", "/cbcs/");
    assertThat(bytes(edge, url, Map.of()).statusCode()).isEqualTo(200);
    assertThat(bytes(edge, url, Map.of()).headers().firstValue("X-Cache-Status")).contains("HIT");

    String path = url.substring(0, url.indexOf('?'));
    String exp = query(url, "exp");
    String sig = query(url, "sig");
    String wrong = (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1);
    assertProblem(edge.get(path + "?exp=" + exp + "&sig=" + wrong), 403, "bad-signature");
    assertProblem(edge.get(path), 403, "bad-signature");
    assertProblem(
        edge.get(path + "?exp=" + (Long.parseLong(exp) + 3600) + "&sig=" + sig),
        403,
        "bad-signature");
    assertProblem(edge.get(path + "?exp=000" + exp + "&sig=" + sig), 403, "bad-signature");
    String prefix = path.substring("/api/origin/".length()).split("/video/")[0] + "/";
    long past = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    assertProblem(
        edge.get(path + "?exp=" + past + "&sig=" + sign(prefix, past)), 403, "url-expired");
    assertProblem(
        edge.get("/api/origin/masters/any/master.mp4?exp=" + exp + "&sig=" + sig),
        404,
        "segment-not-found");
  }

  @Test
  void manifestsAndLicencesPassThroughUncached() {
    JsonObject s = session();
    Api.Reply mpd = Viewers.manifest(edge, s, "dash");
    assertThat(mpd.status()).isEqualTo(200);
    assertThat(mpd.header("Cache-Control")).contains("private, no-store");
    assertThat(mpd.header("X-Cache-Status")).isEmpty();
    // Had the edge kept the manifest, it would hand it out without the session token.
    String manifestUrl = s.getJsonObject("manifests").getString("dash");
    assertProblem(edge.get(manifestUrl), 401, "session-token-missing");

    String body = Viewers.clearKeyRequest("temporary", s.getJsonObject("keyIds").getString("SD"));
    Map<String, String> headers =
        Map.of("X-Playback-Session", s.getString("token"), "X-Viewer-Country", "GB");
    Api.Reply licence = edge.send("POST", "/api/drm/licenses/clearkey", body, headers);
    assertThat(licence.status()).as(licence.toString()).isEqualTo(200);
    assertThat(licence.header("X-Cache-Status")).isEmpty();
    assertThat(licence.json().getJsonArray("keys")).hasSize(1);
    assertProblem(
        edge.send("POST", "/api/drm/licenses/clearkey", body, Map.of()),
        401,
        "session-token-missing");
  }

  @Test
  void theEdgeServesHttpsWithHstsOnItsOwnCertificate() throws Exception {
    // A segment no other test fetches (see the signature test).
    String url =
        firstSegmentUrl(session()).replace("/cenc/", "/cbcs/").replace("seg-1.m4s", "seg-2.m4s");
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream pem = Files.newInputStream(tier.directory().resolve("tls/edge.crt"))) {
      trust.setCertificateEntry(
          "edge", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    HttpResponse<byte[]> r =
        HttpClient.newBuilder()
            .sslContext(tls)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(tier.httpsUrl() + url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(bytes(origin, url, Map.of()).body());
    assertThat(r.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
  }

  private static String query(String url, String name) {
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " missing in " + url);
  }

  /** A correct signature for any expiry, made with the stack's secret as an edge could. */
  private static String sign(String titlePrefix, long exp) throws Exception {
    byte[] secret =
        Files.readString(RunningMarquee.stack().home().resolve("secrets/origin-url-secret"))
            .strip()
            .getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal((titlePrefix + "|" + exp).getBytes(StandardCharsets.US_ASCII)));
  }
}
