package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recommendations (ADR 31): viewers complete titles over HTTP, an operator runs the job through its
 * endpoint, and each profile reads its list: the co-watched title first with the title it comes
 * from, never a title above the profile's cap or outside its region, and popularity for a profile
 * without history.
 */
@ExtendWith(RunningMarquee.class)
class RecommendationsIT {
  private static final Api api = RunningMarquee.api();
  private static String origin;
  private static String companion;
  private static String adultOnly;
  private static String usOnly;

  /** A viewer in Great Britain with a device; {@code profileId} is its first (adult) profile. */
  record GbViewer(String token, String profileId, String deviceId) {}

  @BeforeAll
  static void publishAndWatch() throws Exception {
    Path master = Files.createTempDirectory("recommendations-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 2, false, List.of()).writeTo(master);
    String creator = Creators.newCreator(api);
    String run = UUID.randomUUID().toString().substring(0, 8);
    origin = publish(creator, master, "Reco Origin " + run, "ALL", "[\"WORLD\"]");
    companion = publish(creator, master, "Reco Companion " + run, "ALL", "[\"WORLD\"]");
    adultOnly = publish(creator, master, "Reco Adult " + run, "18+", "[\"WORLD\"]");
    usOnly = publish(creator, master, "Reco Elsewhere " + run, "ALL", "[\"US\"]");
    for (String t : List.of(origin, companion, adultOnly, usOnly)) {
      Creators.awaitPublished(api, creator, t, Duration.ofMinutes(4));
    }
    // Three viewers finish the origin, the adult title and the US title together (a stronger tie
    // than the companion's); two of them also finish the companion.
    for (int i = 0; i < 3; i++) {
      GbViewer w = gbViewer();
      complete(w, w.profileId(), origin);
      complete(w, w.profileId(), adultOnly);
      complete(w, w.profileId(), usOnly);
      if (i < 2) {
        complete(w, w.profileId(), companion);
      }
    }
  }

  private static String publish(
      String creator, Path master, String name, String rating, String regions) throws Exception {
    return Creators.ingest(
        api,
        creator,
        master,
        """
        {"name":"%s","synopsis":"Suggested.","language":"en","category":"family",
         "maturityRating":"%s","releaseYear":2026,
         "licence":{"regions":%s,"offlineAllowed":false}}"""
            .formatted(name, rating, regions));
  }

  private static GbViewer gbViewer() {
    String email = "reco-" + UUID.randomUUID() + "@example.com";
    Api.Reply registered =
        api.postJson(
            "/api/accounts",
            "{\"email\":\"%s\",\"password\":\"%s\",\"country\":\"GB\"}"
                .formatted(email, Viewers.PASSWORD));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String token = api.signIn(email, Viewers.PASSWORD).getString("access_token");
    String profile =
        api.get("/api/accounts/me/profiles", token).array().getJsonObject(0).getString("id");
    return new GbViewer(token, profile, Viewers.device(api, token, "WEB", null));
  }

  /** The player reports the end of the (2 s) title: a completion for the profile. */
  private static void complete(GbViewer v, String profileId, String title) {
    Api.Reply end =
        api.putJson(
            "/api/playback/positions",
            "{\"titleId\":\"%s\",\"profileId\":\"%s\",\"deviceId\":\"%s\",\"positionSeconds\":2,"
                    .formatted(title, profileId, v.deviceId())
                + "\"clientTime\":\""
                + Instant.now()
                + "\",\"event\":\"STOP\"}",
            v.token());
    assertThat(end.status()).as(end.toString()).isEqualTo(200);
    assertThat(end.json().getBoolean("watched")).as(end.toString()).isTrue();
  }

  /** Starts the job as an operator and polls its status until it ends; it must complete. */
  private static void runJob() throws InterruptedException {
    String operator = Viewers.admin(api);
    Api.Reply started = api.post("/api/operations/recommendations", operator);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String location = started.header("Location").orElseThrow();
    String path = location.substring(location.indexOf("/api/"));
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    Api.Reply status = api.get(path, operator);
    while (System.nanoTime() < deadline
        && !List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED")
            .contains(status.json().getString("status"))) {
      Thread.sleep(250);
      status = api.get(path, operator);
      assertThat(status.status()).as(status.toString()).isEqualTo(200);
    }
    assertThat(status.json().getString("status")).as(status.toString()).isEqualTo("COMPLETED");
    assertThat(status.json().getString("job")).isEqualTo("compute-recommendations");
    assertThat(status.json().getString("exitStatus")).matches("\\d+ profiles, .*");
  }

  private static List<JsonObject> titles(GbViewer v, String profileId) {
    Api.Reply reply =
        api.get("/api/catalog/recommendations?profileId=" + profileId + "&limit=50", v.token());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getString("computedAt", null)).isNotNull();
    return reply.json().getJsonArray("titles").getValuesAs(JsonObject.class);
  }

  private static List<String> ids(List<JsonObject> titles) {
    return titles.stream().map(t -> t.getString("titleId")).toList();
  }

  @Test
  void profilesGetCoWatchedTitlesWithinTheirCapAndRegionAndNewOnesGetPopularity() throws Exception {
    GbViewer family = gbViewer();
    String kids =
        api.postJson(
                "/api/accounts/me/profiles", "{\"name\":\"Kids\",\"kids\":true}", family.token())
            .json()
            .getString("id");
    complete(family, family.profileId(), origin);
    complete(family, kids, origin);
    GbViewer newcomer = gbViewer();

    runJob();

    // The adult profile: the adult title is the strongest tie and allowed; the US title never.
    List<JsonObject> adult = titles(family, family.profileId());
    assertThat(ids(adult)).as(adult.toString()).startsWith(adultOnly, companion);
    assertThat(ids(adult)).doesNotContain(usOnly, origin);
    assertThat(adult.get(0).getString("reason")).isEqualTo("co-watched");
    assertThat(adult.get(0).getJsonObject("becauseOf").getString("titleId")).isEqualTo(origin);

    // The kids profile (cap 7+) of the same account: the companion comes first.
    List<JsonObject> kidsList = titles(family, kids);
    assertThat(ids(kidsList)).as(kidsList.toString()).startsWith(companion);
    assertThat(ids(kidsList)).doesNotContain(adultOnly, usOnly, origin);
    assertThat(kidsList.get(0).getString("reason")).isEqualTo("co-watched");
    assertThat(kidsList.get(0).getJsonObject("becauseOf").getString("titleId")).isEqualTo(origin);
    assertThat(kidsList)
        .allSatisfy(t -> assertThat(t.getString("maturityRating")).isIn("ALL", "7+"));

    // No history: the popular titles, most completed first (origin 5, adult 3, companion 2).
    List<JsonObject> fresh = titles(newcomer, newcomer.profileId());
    assertThat(fresh).isNotEmpty();
    assertThat(fresh).allSatisfy(t -> assertThat(t.getString("reason")).isEqualTo("popular"));
    assertThat(ids(fresh).stream().filter(List.of(origin, adultOnly, companion)::contains))
        .containsExactly(origin, adultOnly, companion);
    assertThat(ids(fresh)).doesNotContain(usOnly);
  }

  @Test
  void badInputIsAProblemAndOnlyOperatorsStartTheJob() {
    GbViewer v = gbViewer();
    String base = "/api/catalog/recommendations?profileId=" + v.profileId();
    assertProblem(api.get(base + "&limit=0", v.token()), 400, "invalid-parameter");
    assertProblem(api.get(base + "&limit=many", v.token()), 400, "invalid-parameter");
    assertProblem(api.get(base + "&limit=51", v.token()), 400, "page-too-large");
    assertProblem(api.get("/api/catalog/recommendations", v.token()), 400, "profile-required");
    assertProblem(
        api.get("/api/catalog/recommendations?profileId=nope", v.token()), 400, "invalid-id");
    assertProblem(
        api.get("/api/catalog/recommendations?profileId=" + UUID.randomUUID(), v.token()),
        404,
        "profile-not-found");
    assertProblem(api.post("/api/operations/recommendations", v.token()), 403, "forbidden");
  }
}
