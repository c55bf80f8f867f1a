package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Admins shape the catalog: edits under optimistic locking (ETag / If-Match, 412 on a stale write),
 * validation naming the field, an audit of every change, cast and crew that search finds,
 * publishing and unpublishing, series with seasons and episodes.
 */
@ExtendWith(RunningMarquee.class)
class CatalogAdminIT {
  private static final Api api = RunningMarquee.api();
  private static final List<String> titles = new ArrayList<>();

  @BeforeAll
  static void publish() throws Exception {
    Path master = Files.createTempDirectory("catalog-admin-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 1, false, List.of()).writeTo(master);
    String creator = Creators.newCreator(api);
    for (String name :
        List.of("Harbour Lights", "Harbour Lights: Episode 2", "Harbour Lights: Episode 3")) {
      titles.add(
          Creators.ingest(
              api,
              creator,
              master,
              """
              {"name":"%s","synopsis":"Edited by admins.","language":"en","category":"drama",
               "maturityRating":"13+","releaseYear":2025,
               "licence":{"regions":["WORLD"],"offlineAllowed":false}}"""
                  .formatted(name)));
    }
    for (String t : titles) {
      Creators.awaitPublished(api, creator, t, Duration.ofMinutes(3));
    }
  }

  private static Api.Reply patch(String title, String etag, String json, String token) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("Authorization", "Bearer " + token);
    headers.put("Content-Type", "application/merge-patch+json");
    if (etag != null) {
      headers.put("If-Match", etag);
    }
    return api.send("PATCH", "/api/catalog/admin/titles/" + title, json, headers);
  }

  private static String etag(String title, String admin) {
    return api.get("/api/catalog/admin/titles/" + title, admin).header("ETag").orElseThrow();
  }

  @Test
  void editsNeedTheCurrentETagAndAreAudited() throws Exception {
    String admin = Viewers.admin(api);
    String title = titles.get(0);
    Api.Reply read = api.get("/api/catalog/admin/titles/" + title, admin);
    assertThat(read.status()).isEqualTo(200);
    String etag = read.header("ETag").orElseThrow();
    assertThat(etag).isEqualTo("\"" + read.json().getJsonNumber("version").longValue() + "\"");

    String change =
        """
        {"synopsis":"A harbour town keeps its lights on.","maturityRating":"16+",
         "prices":{"rentCents":399,"buyCents":1299,"currency":"EUR"},
         "audioLanguages":["en","fr"],"subtitleLanguages":["en"],
         "credits":[{"person":"Ada Lovelace","role":"actor","character":"The keeper"},
                    {"person":"Grace Hopper","role":"DIRECTOR"}]}""";
    assertProblem(patch(title, null, change, admin), 428, "if-match-required");
    Api.Reply edited = patch(title, etag, change, admin);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    String newEtag = edited.header("ETag").orElseThrow();
    assertThat(newEtag).isNotEqualTo(etag);
    JsonObject t = edited.json();
    assertThat(t.getString("maturityRating")).isEqualTo("16+");
    assertThat(t.getJsonObject("prices").getInt("rentCents")).isEqualTo(399);
    assertThat(t.getJsonArray("credits")).hasSize(2);
    assertThat(t.getJsonArray("credits").getJsonObject(0).getString("role")).isEqualTo("ACTOR");

    // The same stale ETag again: 412, and nothing changes.
    Api.Reply stale =
        assertProblem(
            patch(title, etag, "{\"name\":\"Lost update\"}", admin), 412, "stale-version");
    assertThat(stale.json().getString("currentETag")).isEqualTo(newEtag);
    assertThat(api.get("/api/catalog/admin/titles/" + title, admin).json().getString("name"))
        .isEqualTo("Harbour Lights");

    // Every change is audited: who, which version, each field from and to.
    var audit = api.get("/api/catalog/admin/titles/" + title + "/audit", admin).array();
    assertThat(audit).hasSize(1);
    JsonObject entry = audit.getJsonObject(0);
    assertThat(entry.getJsonNumber("version").longValue())
        .isEqualTo(t.getJsonNumber("version").longValue());
    String adminId = api.get("/api/accounts/me", admin).json().getString("id");
    assertThat(entry.getString("actorId")).isEqualTo(adminId);
    assertThat(entry.getJsonObject("changes").keySet())
        .containsExactlyInAnyOrder(
            "synopsis",
            "maturityRating",
            "prices",
            "audioLanguages",
            "subtitleLanguages",
            "credits");
    assertThat(entry.getJsonObject("changes").getJsonObject("maturityRating").getString("from"))
        .isEqualTo("13+");

    // Cast and crew are searchable (through the outbox), by whole name in any case.
    SearchIT.awaitIndexed();
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String search = "/api/catalog/search?profileId=" + v.profileId() + "&cast=";
    assertThat(api.get(search + "ada%20lovelace", v.token()).body()).contains("Harbour Lights");
    assertThat(api.get(search + "Grace%20Hopper", v.token()).body()).contains("Harbour Lights");
    assertThat(api.get(search + "Ada", v.token()).json().getInt("total")).isZero();

    assertThat(patch(title, newEtag, "{\"name\":\"x\"}", v.token()).status()).isEqualTo(403);
  }

  @Test
  void badEditsNameTheFieldAndChangeNothing() {
    String admin = Viewers.admin(api);
    String title = titles.get(2);
    String etag = etag(title, admin);
    int audited = api.get("/api/catalog/admin/titles/" + title + "/audit", admin).array().size();
    for (String[] c :
        List.of(
            new String[] {"{\"rating\":\"PG\"}", "validation-failed"},
            new String[] {
              "{\"prices\":{\"buyCents\":100,\"currency\":\"XYZ\"}}", "validation-failed"
            },
            new String[] {
              "{\"prices\":{\"buyCents\":-1,\"currency\":\"EUR\"}}", "validation-failed"
            },
            new String[] {
              "{\"credits\":[{\"person\":\"Someone\",\"role\":\"GAFFER\"}]}", "validation-failed"
            },
            new String[] {"{\"audioLanguages\":[\"xx\"]}", "unknown-language"},
            new String[] {"{\"category\":\"westerns\"}", "unknown-category"},
            new String[] {"{\"name\":\"\"}", "invalid-name"},
            new String[] {"{\"releaseYear\":1500}", "invalid-release-year"},
            new String[] {
              "{\"licence\":{\"availableFrom\":\"2030-01-01T00:00:00Z\","
                  + "\"availableUntil\":\"2029-01-01T00:00:00Z\"}}",
              "invalid-licence"
            },
            new String[] {"{\"licence\":{\"regions\":[\"ATLANTIS\"]}}", "unknown-region"},
            new String[] {"{\"state\":\"DELETED\"}", "validation-failed"})) {
      assertProblem(patch(title, etag, c[0], admin), 400, c[1]);
    }
    Api.Reply field =
        patch(title, etag, "{\"credits\":[{\"person\":\"Someone\",\"role\":\"GAFFER\"}]}", admin);
    assertThat(field.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("credits[0].role");
    assertThat(etag(title, admin)).isEqualTo(etag);
    assertThat(api.get("/api/catalog/admin/titles/" + title + "/audit", admin).array())
        .hasSize(audited);
  }

  @Test
  void unpublishedTitlesLeaveSearchAndComeBack() throws Exception {
    String admin = Viewers.admin(api);
    String title = titles.get(1);
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String search = "/api/catalog/search?profileId=" + v.profileId() + "&q=harbour";
    Api.Reply off = patch(title, etag(title, admin), "{\"state\":\"UNPUBLISHED\"}", admin);
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    SearchIT.awaitIndexed();
    assertThat(api.get(search, v.token()).okBody()).doesNotContain("Episode 2");
    assertThat(patch(title, etag(title, admin), "{\"state\":\"PUBLISHED\"}", admin).status())
        .isEqualTo(200);
    SearchIT.awaitIndexed();
    assertThat(api.get(search, v.token()).okBody()).contains("Episode 2");
    // A licence window from before 1970 to after 2262 is searchable too (on every adapter).
    Api.Reply wide =
        patch(
            title,
            etag(title, admin),
            "{\"licence\":{\"availableFrom\":\"1960-01-01T00:00:00Z\","
                + "\"availableUntil\":\"2300-01-01T00:00:00Z\"}}",
            admin);
    assertThat(wide.status()).as(wide.toString()).isEqualTo(200);
    SearchIT.awaitIndexed();
    assertThat(api.get(search, v.token()).okBody()).contains("Episode 2");
    assertThat(api.get("/api/catalog/search/status", admin).json().containsKey("lastError"))
        .isFalse();
  }

  @Test
  void artworkIsAStillUntilAnAdminGivesAPoster() throws Exception {
    String admin = Viewers.admin(api);
    String title = titles.get(2);
    // The still grabbed at ingest: public (an <img> can show it), 640 wide, 16:9 like the master.
    var still = api.getBytes("/api/catalog/titles/" + title + "/artwork/poster", Map.of());
    assertThat(still.statusCode()).isEqualTo(200);
    assertThat(still.headers().firstValue("Content-Type")).contains("image/jpeg");
    var stillImage = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(still.body()));
    assertThat(stillImage.getWidth()).isEqualTo(640);
    assertThat(stillImage.getHeight()).isEqualTo(360);

    var poster =
        new java.awt.image.BufferedImage(200, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
    poster.getGraphics().fillRect(10, 10, 100, 100);
    var png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(poster, "png", png);
    Map<String, String> headers =
        Map.of("Authorization", "Bearer " + admin, "Content-Type", "image/png");
    String path = "/api/catalog/admin/titles/" + title + "/artwork/poster";
    Api.Reply uploaded = api.sendBytes("PUT", path, png.toByteArray(), headers);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    assertThat(uploaded.json().getString("posterKey")).endsWith(".png");

    var served = api.getBytes("/api/catalog/titles/" + title + "/artwork/poster", Map.of());
    assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(served.body()).isEqualTo(png.toByteArray());
    String etag = served.headers().firstValue("ETag").orElseThrow();
    assertThat(
            api.send(
                    "GET",
                    "/api/catalog/titles/" + title + "/artwork/poster",
                    null,
                    Map.of("If-None-Match", etag))
                .status())
        .isEqualTo(304);
    // The backdrop is still the still.
    assertThat(
            api.getBytes("/api/catalog/titles/" + title + "/artwork/backdrop", Map.of())
                .headers()
                .firstValue("Content-Type"))
        .contains("image/jpeg");

    assertProblem(
        api.sendBytes("PUT", path, "not an image".getBytes(), headers), 400, "not-an-image");
    assertProblem(
        api.sendBytes(
            "PUT",
            "/api/catalog/admin/titles/" + title + "/artwork/banner",
            png.toByteArray(),
            headers),
        404,
        "artwork-not-found");
    Viewer v = Viewers.newViewer(api, "WEB", null);
    assertThat(
            api.sendBytes(
                    "PUT",
                    path,
                    png.toByteArray(),
                    Map.of("Authorization", "Bearer " + v.token(), "Content-Type", "image/png"))
                .status())
        .isEqualTo(403);
    var audit = api.get("/api/catalog/admin/titles/" + title + "/audit", admin).array();
    assertThat(audit.stream().map(e -> e.asJsonObject().getJsonObject("changes").keySet()))
        .anySatisfy(keys -> assertThat(keys).contains("poster"));
  }

  @Test
  void seriesHaveSeasonsOfEpisodes() {
    String admin = Viewers.admin(api);
    Api.Reply created =
        api.postJson(
            "/api/catalog/admin/series",
            """
            {"name":"Harbour Lights","synopsis":"The series.","category":"drama",
             "maturityRating":"13+","releaseYear":2025}""",
            admin);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String series = created.json().getString("id");
    for (int i = 1; i <= 2; i++) {
      String title = titles.get(i);
      Api.Reply placed =
          patch(
              title,
              etag(title, admin),
              "{\"episode\":{\"seriesId\":\"%s\",\"season\":1,\"episode\":%d}}"
                  .formatted(series, 3 - i),
              admin);
      assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
    }
    assertProblem(
        patch(
            titles.get(0),
            etag(titles.get(0), admin),
            "{\"episode\":{\"seriesId\":\"%s\",\"season\":1,\"episode\":1}}".formatted(series),
            admin),
        409,
        "episode-taken");
    assertProblem(
        patch(
            titles.get(0),
            etag(titles.get(0), admin),
            "{\"episode\":{\"seriesId\":\"%s\",\"season\":1,\"episode\":1}}"
                .formatted(java.util.UUID.randomUUID()),
            admin),
        404,
        "series-not-found");

    Viewer v = Viewers.newViewer(api, "WEB", null);
    JsonObject view = api.get("/api/catalog/series/" + series, v.token()).json();
    var season = view.getJsonArray("seasons").getJsonObject(0);
    assertThat(season.getInt("number")).isEqualTo(1);
    assertThat(
            season.getJsonArray("episodes").stream()
                .map(e -> e.asJsonObject().getString("titleId")))
        .containsExactly(titles.get(2), titles.get(1));
    assertProblem(
        api.get("/api/catalog/series/" + java.util.UUID.randomUUID(), v.token()),
        404,
        "series-not-found");
  }
}
