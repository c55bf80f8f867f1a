package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Search over HTTP as a viewer meets it, held against every engine a server can run: title prefixes
 * and typos, categories and advanced criteria, facets, sorts, cursor paging; only titles the
 * profile may watch (published, licensed in the viewer's country, inside the window, within the
 * maturity cap); bad input is a clear problem, never a server error. Each subclass serves it from
 * one engine and says which; the catalog is published once per test run and shared.
 */
@ExtendWith(RunningMarquee.class)
abstract class SearchOverHttp {
  static final Api api = RunningMarquee.api();
  static final Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();

  /** A viewer in Great Britain (adult main profile) and its kids profile. */
  static String token;

  static String adult;
  static String kids;

  /** The engine the server must be searching with while this class's tests run. */
  abstract String engine();

  @BeforeAll
  static synchronized void publishACatalog() throws Exception {
    if (token != null) {
      return;
    }
    Path master = Files.createTempDirectory("search-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 1, false, List.of()).writeTo(master);
    String creator = Creators.newCreator(api);
    List<String[]> catalog =
        List.of(
            new String[] {"The Godfather", "drama", "1972", "en", "16+", "[\"WORLD\"]", ""},
            new String[] {"The Godfather Part II", "drama", "1974", "en", "16+", "[\"WORLD\"]", ""},
            new String[] {"Goodfellas", "thriller", "1990", "en", "18+", "[\"GB\"]", ""},
            new String[] {"Finding Nemo", "animation", "2003", "fr", "ALL", "[\"WORLD\"]", ""},
            new String[] {"Nemo Returns", "kids", "2021", "en", "ALL", "[\"US\"]", ""},
            new String[] {
              "Nemo Tomorrow",
              "kids",
              "2024",
              "en",
              "ALL",
              "[\"WORLD\"]",
              ",\"availableFrom\":\"2030-01-01T00:00:00Z\""
            });
    for (String[] t : catalog) {
      String json =
          """
          {"name":"%s","synopsis":"A film for the search tests.","language":"%s",
           "category":"%s","maturityRating":"%s","releaseYear":%s,
           "licence":{"regions":%s,"offlineAllowed":false%s}}"""
              .formatted(t[0], t[3], t[1], t[4], t[2], t[5], t[6]);
      ids.put(t[0], Creators.ingest(api, creator, master, json));
    }
    for (String id : ids.values()) {
      Creators.awaitPublished(api, creator, id, Duration.ofMinutes(4));
    }
    String email = "searcher-" + java.util.UUID.randomUUID() + "@example.com";
    assertThat(
            api.postJson(
                    "/api/accounts",
                    "{\"email\":\""
                        + email
                        + "\",\"password\":\""
                        + Viewers.PASSWORD
                        + "\",\"country\":\"GB\"}")
                .status())
        .isEqualTo(201);
    token = api.signIn(email, Viewers.PASSWORD).getString("access_token");
    adult = api.get("/api/accounts/me/profiles", token).array().getJsonObject(0).getString("id");
    kids =
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"Kids\",\"kids\":true}", token)
            .json()
            .getString("id");
    awaitIndexed();
  }

  /** The index follows the catalog through the outbox: wait until it has caught up. */
  static void awaitIndexed() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject status = null;
    while (System.nanoTime() < deadline) {
      status = api.get("/api/catalog/search/status", Viewers.admin(api)).json();
      if (status.getInt("pending") == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the search index did not catch up: " + status);
  }

  static JsonObject search(String profile, String query) {
    Api.Reply r = api.get("/api/catalog/search?profileId=" + profile + query, token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  static List<String> names(JsonObject result) {
    return result.getJsonArray("items").stream()
        .map(i -> i.asJsonObject().getString("name"))
        .toList();
  }

  static String q(String text) {
    return "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void theServerSearchesWithTheEngineUnderTest() {
    assertThat(api.get("/api/catalog/search/status", Viewers.admin(api)).json().getString("engine"))
        .isEqualTo(engine());
  }

  @Test
  void titlesAreFoundByPrefixAndDespiteTypos() {
    assertThat(names(search(adult, q("godfater"))))
        .startsWith("The Godfather")
        .contains("The Godfather Part II")
        .doesNotContain("Goodfellas");
    assertThat(names(search(adult, q("godf"))))
        .containsExactly("The Godfather", "The Godfather Part II");
    assertThat(names(search(adult, q("part ii")))).containsExactly("The Godfather Part II");
    assertThat(names(search(adult, q("nemo")))).containsExactly("Finding Nemo");
  }

  @Test
  void criteriaNarrowAndFacetsCount() {
    JsonObject old = search(adult, q("the") + "&yearFrom=1970&yearTo=1979&sort=newest");
    assertThat(names(old)).containsExactly("The Godfather Part II", "The Godfather");
    assertThat(names(search(adult, q("nemo") + "&category=animation&language=fr")))
        .containsExactly("Finding Nemo");
    assertThat(names(search(adult, q("god") + "&maturity=18%2B"))).isEmpty();
    assertThat(names(search(adult, q("goodfellas") + "&maturity=18%2B")))
        .containsExactly("Goodfellas");
    assertThat(names(search(adult, q("godfather") + "&durationMax=0"))).hasSize(2);
    assertThat(names(search(adult, q("godfather") + "&durationMin=1"))).isEmpty();

    JsonObject facets = search(adult, q("godf")).getJsonObject("facets");
    assertThat(facets.getJsonObject("category").getInt("drama")).isEqualTo(2);
    assertThat(facets.getJsonObject("decade").getInt("1970s")).isEqualTo(2);
    assertThat(facets.getJsonObject("maturityRating").getInt("16+")).isEqualTo(2);
    assertThat(search(adult, q("godf")).getInt("total")).isEqualTo(2);
  }

  @Test
  void onlyWhatTheProfileMayWatchIsFound() {
    // Nemo Returns is licensed in the US only; Nemo Tomorrow opens in 2030.
    assertThat(names(search(adult, q("nemo")))).containsExactly("Finding Nemo");
    // Licensed in GB: found for a viewer in GB.
    assertThat(names(search(adult, q("goodfellas")))).containsExactly("Goodfellas");
    // A kids profile (7+) sees neither the 16+ nor the 18+ titles.
    assertThat(names(search(kids, q("godfather")))).isEmpty();
    assertThat(names(search(kids, q("goodfellas")))).isEmpty();
    assertThat(names(search(kids, q("nemo")))).containsExactly("Finding Nemo");
  }

  @Test
  void cursorsPageThroughEverythingOnce() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    long total = -1;
    do {
      JsonObject page =
          search(adult, "&sort=newest&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      total = page.getInt("total");
      JsonArray items = page.getJsonArray("items");
      assertThat(items.size()).isLessThanOrEqualTo(2);
      items.forEach(i -> seen.add(i.asJsonObject().getString("id")));
      cursor = page.getString("nextCursor", null);
      pages++;
    } while (cursor != null && pages < 100);
    assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
    assertThat(seen).contains(ids.get("The Godfather"), ids.get("Finding Nemo"));
    assertThat(seen).doesNotContain(ids.get("Nemo Returns"), ids.get("Nemo Tomorrow"));
  }

  @Test
  void badInputIsAClearProblem() {
    String base = "/api/catalog/search?profileId=" + adult;
    assertProblem(api.get(base + "&limit=500", token), 400, "page-too-large");
    assertProblem(api.get(base + "&category=westerns", token), 400, "unknown-category");
    assertProblem(api.get(base + q("x".repeat(101)), token), 400, "query-too-long");
    assertProblem(api.get(base + "&cursor=not-a-cursor", token), 400, "invalid-cursor");
    assertProblem(api.get(base + "&yearFrom=nineteen", token), 400, "invalid-parameter");
    assertProblem(api.get(base + "&yearFrom=2000&yearTo=1990", token), 400, "invalid-range");
    assertProblem(api.get(base + "&sort=best", token), 400, "invalid-sort");
    assertProblem(api.get(base + "&maturity=PG-13", token), 400, "unknown-maturity-rating");
    assertProblem(api.get(base + "&language=klingon", token), 400, "unknown-language");
    assertProblem(api.get("/api/catalog/search?q=x", token), 400, "profile-required");
    // Query syntax is just text: no SQL, no wildcard expansion, no error.
    for (String attack : List.of("' OR 1=1 --", "%", "_", "\\", "godfather'); DROP TABLE x; --")) {
      Api.Reply r = api.get(base + q(attack), token);
      assertThat(r.status()).as(attack + " -> " + r).isEqualTo(200);
      assertThat(
              r.json().getJsonArray("items").stream().map(i -> i.asJsonObject().getString("name")))
          .noneMatch(n -> n.equals("Goodfellas") || n.equals("Finding Nemo"));
    }
  }
}
