package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.EmbeddedOpenSearch;
import dev.marquee.media.testing.SyntheticMaster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index follows the catalog through the outbox: a title published while OpenSearch is down is
 * found once it is back (search itself answers 503 meanwhile, the catalog keeps working), and an
 * operator rebuilds the index from the database into a fresh index swapped in atomically.
 */
@ExtendWith(RunningMarquee.class)
@Order(Integer.MAX_VALUE - 3)
class SearchOutageIT {
  private static final Api api = RunningMarquee.api();

  private static String search(String token, String profile, String text) {
    Api.Reply r = api.get("/api/catalog/search?profileId=" + profile + "&q=" + text, token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.body();
  }

  @Test
  void aChangeMadeWhileOpenSearchIsDownIsFoundOnceItIsBack() throws Exception {
    EmbeddedOpenSearch node = RunningMarquee.openSearch();
    Viewers.Viewer viewer = Viewers.newViewer(api, "WEB", null);
    String admin = Viewers.admin(api);
    Path master = Files.createTempDirectory("search-outage-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 1, false, List.of()).writeTo(master);
    String creator = Creators.newCreator(api);

    node.stop();
    try {
      String title =
          Creators.ingest(
              api,
              creator,
              master,
              """
              {"name":"Lighthouse Keeper","synopsis":"Published during an outage.",
               "language":"en","category":"drama","maturityRating":"ALL","releaseYear":2025,
               "licence":{"regions":["WORLD"],"offlineAllowed":false}}""");
      Creators.awaitPublished(api, creator, title, Duration.ofMinutes(3));
      Api.Reply down =
          assertProblem(
              api.get(
                  "/api/catalog/search?profileId=" + viewer.profileId() + "&q=light",
                  viewer.token()),
              503,
              "search-unavailable");
      assertThat(down.header("Retry-After")).contains("5");
      var status = api.get("/api/catalog/search/status", admin).json();
      assertThat(status.getString("engine")).isEqualTo("opensearch");
      assertThat(status.getInt("pending")).isPositive();
      // The catalog itself is unharmed: the shelf still lists the new title.
      assertThat(api.get("/api/catalog/titles", viewer.token()).body())
          .contains("Lighthouse Keeper");
    } finally {
      node.start();
    }
    SearchIT.awaitIndexed();
    assertThat(search(viewer.token(), viewer.profileId(), "lighthous"))
        .contains("Lighthouse Keeper");

    // Rebuild: a fresh index from the database, swapped in under the alias.
    String before = aliasTarget(node);
    assertThat(api.post("/api/catalog/search/rebuild", viewer.token()).status()).isEqualTo(403);
    Api.Reply rebuilt = api.post("/api/catalog/search/rebuild", admin);
    assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
    assertThat(rebuilt.json().getString("engine")).isEqualTo("opensearch");
    assertThat(rebuilt.json().getInt("indexed")).isPositive();
    assertThat(aliasTarget(node)).isNotEqualTo(before).startsWith("marquee-titles-");
    assertThat(search(viewer.token(), viewer.profileId(), "lighthouse"))
        .contains("Lighthouse Keeper");
  }

  /** The concrete index the alias points at, read from OpenSearch itself. */
  private static String aliasTarget(EmbeddedOpenSearch node) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node.url() + "/_alias/marquee-titles")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    String body = r.body();
    return body.substring(body.indexOf('"') + 1, body.indexOf('"', body.indexOf('"') + 1));
  }
}
