package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What viewers keep and say about titles: own lists, favourites, likes, share links, reports into a
 * moderation queue; and views and completions per title and day for admins.
 */
@ExtendWith(RunningMarquee.class)
class EngagementIT {
  private static final Api api = RunningMarquee.api();
  private static final List<String> titles = new ArrayList<>();
  private static String creator;

  @BeforeAll
  static void publish() throws Exception {
    Path master = Files.createTempDirectory("engagement-it").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 2, false, List.of()).writeTo(master);
    creator = Creators.newCreator(api);
    for (String name : List.of("Quokka Alpha", "Quokka Beta", "Quokka Gamma", "Quokka Delta")) {
      titles.add(
          Creators.ingest(
              api,
              creator,
              master,
              """
              {"name":"%s","synopsis":"Engaging.","language":"en","category":"family",
               "maturityRating":"ALL","releaseYear":2026,
               "licence":{"regions":["WORLD"],"offlineAllowed":false}}"""
                  .formatted(name)));
    }
    for (String t : titles) {
      Creators.awaitPublished(api, creator, t, Duration.ofMinutes(3));
    }
  }

  private static List<String> ids(JsonObject list) {
    return list.getJsonArray("titleIds").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  @Test
  void aProfileKeepsItsOwnLists() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String p = "?profileId=" + v.profileId();
    Api.Reply created =
        api.postJson(
            "/api/catalog/lists",
            "{\"profileId\":\"" + v.profileId() + "\",\"name\":\"Weekend\"}",
            v.token());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String list = "/api/catalog/lists/" + created.json().getString("id");
    for (String t : titles.subList(0, 3)) {
      assertThat(api.put(list + "/items/" + t + p, v.token()).status()).isEqualTo(200);
    }
    // Adding again keeps one entry where it was.
    assertThat(ids(api.put(list + "/items/" + titles.get(0) + p, v.token()).json()))
        .containsExactly(titles.get(0), titles.get(1), titles.get(2));
    JsonObject reordered =
        api.putJson(
                list + "/order" + p,
                "{\"titleIds\":[\""
                    + titles.get(2)
                    + "\",\""
                    + titles.get(0)
                    + "\",\""
                    + titles.get(1)
                    + "\"]}",
                v.token())
            .json();
    assertThat(ids(reordered)).containsExactly(titles.get(2), titles.get(0), titles.get(1));
    assertThat(ids(api.delete(list + "/items/" + titles.get(0) + p, v.token()).json()))
        .containsExactly(titles.get(2), titles.get(1));
    assertThat(api.patchJson(list + p, "{\"name\":\"Sunday\"}", v.token()).json().getString("name"))
        .isEqualTo("Sunday");
    assertThat(api.get("/api/catalog/lists" + p, v.token()).array()).hasSize(1);

    assertProblem(
        api.postJson(
            "/api/catalog/lists",
            "{\"profileId\":\"" + v.profileId() + "\",\"name\":\"Sunday\"}",
            v.token()),
        409,
        "list-exists");
    assertProblem(
        api.putJson(list + "/order" + p, "{\"titleIds\":[\"" + titles.get(2) + "\"]}", v.token()),
        400,
        "invalid-order");
    assertProblem(
        api.put(list + "/items/" + java.util.UUID.randomUUID() + p, v.token()),
        404,
        "title-not-found");
    assertProblem(
        api.postJson("/api/catalog/lists", "{\"profileId\":\"" + v.profileId() + "\"}", v.token()),
        400,
        "validation-failed");
    // Another account cannot see or touch it.
    Viewer other = Viewers.newViewer(api, "WEB", null);
    assertProblem(
        api.get(list + "?profileId=" + other.profileId(), other.token()), 404, "list-not-found");
    assertProblem(
        api.get(list + "?profileId=" + v.profileId(), other.token()), 404, "profile-not-found");

    assertThat(api.delete(list + p, v.token()).status()).isEqualTo(204);
    assertThat(api.get("/api/catalog/lists" + p, v.token()).array()).isEmpty();
  }

  @Test
  void favouritesAndLikesAreOnePerProfileAndLikesOfAnAccountMakePopularityOnce() throws Exception {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String p = "?profileId=" + v.profileId();
    String fav = "/api/catalog/favourites/" + titles.get(3) + p;
    assertThat(api.put(fav, v.token()).json().getBoolean("added")).isTrue();
    assertThat(api.put(fav, v.token()).json().getBoolean("added")).isFalse();
    assertThat(api.get("/api/catalog/favourites" + p, v.token()).json().getJsonArray("titleIds"))
        .hasSize(1);
    assertThat(api.delete(fav, v.token()).status()).isEqualTo(204);
    assertThat(api.get("/api/catalog/favourites" + p, v.token()).json().getJsonArray("titleIds"))
        .isEmpty();

    // Likes: one per profile, counted per account (a family's profiles cannot inflate a title).
    String kids =
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"Kids\",\"kids\":true}", v.token())
            .json()
            .getString("id");
    Viewer other = Viewers.newViewer(api, "WEB", null);
    String like = "/api/catalog/likes/" + titles.get(3);
    api.put(like + p, v.token());
    JsonObject again = api.put(like + p, v.token()).json();
    assertThat(again.getInt("likes")).isEqualTo(1);
    assertThat(again.getBoolean("liked")).isTrue();
    JsonObject byKids = api.put(like + "?profileId=" + kids, v.token()).json();
    assertThat(byKids.getBoolean("liked")).isTrue();
    assertThat(byKids.getInt("likes")).isEqualTo(1);
    assertThat(
            api.put(like + "?profileId=" + other.profileId(), other.token()).json().getInt("likes"))
        .isEqualTo(2);
    // The account still likes it through its first profile.
    assertThat(api.delete(like + "?profileId=" + kids, v.token()).json().getInt("likes"))
        .isEqualTo(2);
    api.put("/api/catalog/likes/" + titles.get(1) + p, v.token());

    // Popularity (likes) orders search: Delta (2 likes), Beta (1), then the others.
    SearchIT.awaitIndexed();
    var hits =
        api.get("/api/catalog/search" + p + "&q=quokka&sort=popularity", v.token())
            .json()
            .getJsonArray("items");
    assertThat(hits.getJsonObject(0).getString("name")).isEqualTo("Quokka Delta");
    assertThat(hits.getJsonObject(0).getInt("popularity")).isEqualTo(2);
    assertThat(hits.getJsonObject(1).getString("name")).isEqualTo("Quokka Beta");
  }

  @Test
  void shareLinksOpenTheTitlePageUntilTheyExpire() throws Exception {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    Api.Reply share =
        api.postJson("/api/catalog/shares", "{\"titleId\":\"" + titles.get(0) + "\"}", v.token());
    assertThat(share.status()).as(share.toString()).isEqualTo(201);
    String token = share.json().getString("token");
    assertThat(share.json().getString("url")).isEqualTo("/player/?share=" + token);
    // Anyone with the link, signed in or not, sees the title's page.
    JsonObject opened = api.get("/api/catalog/shares/" + token).json();
    assertThat(opened.getString("name")).isEqualTo("Quokka Alpha");
    assertThat(opened.containsKey("manifests")).isFalse();

    String[] parts = token.split("\\.");
    assertProblem(
        api.get("/api/catalog/shares/" + titles.get(1) + "." + parts[1] + "." + parts[2]),
        404,
        "share-link-invalid");
    String body = titles.get(0) + "." + Instant.now().minusSeconds(60).getEpochSecond();
    assertProblem(
        api.get("/api/catalog/shares/" + body + "." + sign(body)), 410, "share-link-expired");
    assertProblem(
        api.postJson(
            "/api/catalog/shares",
            "{\"titleId\":\"" + java.util.UUID.randomUUID() + "\"}",
            v.token()),
        404,
        "title-not-found");
  }

  private static String sign(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            RunningMarquee.SHARE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(("share|" + body).getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void reportsReachModeratorsWhoDismissOrUnpublish() throws Exception {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String admin = Viewers.admin(api);
    Path master = Files.createTempDirectory("engagement-report").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 1, false, List.of()).writeTo(master);
    String doomed =
        Creators.ingest(
            api,
            creator,
            master,
            """
            {"name":"Wombat Misdeeds","synopsis":"Reported.","language":"en","category":"family",
             "maturityRating":"ALL","releaseYear":2026,
             "licence":{"regions":["WORLD"],"offlineAllowed":false}}""");
    Creators.awaitPublished(api, creator, doomed, Duration.ofMinutes(3));

    String first = report(v, doomed, "wrong_rating", "Not for children.").json().getString("id");
    String second = report(v, doomed, "ABUSIVE", "Offensive scene at 0:01.").json().getString("id");
    assertProblem(report(v, doomed, "BORING", "Meh."), 400, "unknown-reason");
    assertThat(api.get("/api/catalog/moderation/reports", v.token()).status()).isEqualTo(403);

    var queue = api.get("/api/catalog/moderation/reports", admin).array();
    assertThat(queue.stream().map(r -> r.asJsonObject().getString("id"))).contains(first, second);
    // Newest first, a page at a time: the second report, then (from the cursor) the first.
    Api.Reply page1 = api.get("/api/catalog/moderation/reports?limit=1", admin);
    assertThat(page1.array()).hasSize(1);
    assertThat(page1.array().getJsonObject(0).getString("id")).isEqualTo(second);
    String cursor = page1.header("X-Next-Cursor").orElseThrow();
    assertThat(page1.header("Link"))
        .hasValueSatisfying(l -> assertThat(l).contains("rel=\"next\""));
    Api.Reply page2 = api.get("/api/catalog/moderation/reports?limit=1&cursor=" + cursor, admin);
    assertThat(page2.array().getJsonObject(0).getString("id")).isEqualTo(first);
    assertProblem(
        api.get("/api/catalog/moderation/reports?cursor=not-a-cursor", admin),
        400,
        "invalid-cursor");
    JsonObject dismissed =
        api.postJson(
                "/api/catalog/moderation/reports/" + first + "/dismiss",
                "{\"note\":\"Rating is right.\"}",
                admin)
            .json();
    assertThat(dismissed.getString("state")).isEqualTo("DISMISSED");
    assertProblem(
        api.postJson("/api/catalog/moderation/reports/" + first + "/unpublish", "{}", admin),
        409,
        "report-resolved");

    SearchIT.awaitIndexed();
    String search = "/api/catalog/search?profileId=" + v.profileId() + "&q=wombat";
    assertThat(api.get(search, v.token()).okBody()).contains("Wombat Misdeeds");
    JsonObject actioned =
        api.postJson(
                "/api/catalog/moderation/reports/" + second + "/unpublish",
                "{\"note\":\"Removed.\"}",
                admin)
            .json();
    assertThat(actioned.getString("state")).isEqualTo("ACTIONED");
    // Moderation's unpublish is in the title's audit, with who did it.
    var audit = api.get("/api/catalog/admin/titles/" + doomed + "/audit", admin).array();
    var last = audit.getJsonObject(audit.size() - 1);
    assertThat(last.getJsonObject("changes").getJsonObject("state").getString("to"))
        .isEqualTo("UNPUBLISHED");
    assertThat(last.getString("actorId"))
        .isEqualTo(api.get("/api/accounts/me", admin).json().getString("id"));
    // The title is gone from search (through the outbox) and cannot be played.
    SearchIT.awaitIndexed();
    assertThat(api.get(search, v.token()).okBody()).doesNotContain("Wombat Misdeeds");
    Viewers.subscribe(api, admin, v, "HD");
    assertProblem(Viewers.startSession(api, v, v.deviceId(), doomed), 403, "title-unavailable");
  }

  private static Api.Reply report(Viewer v, String title, String reason, String text) {
    return api.postJson(
        "/api/catalog/reports",
        "{\"titleId\":\"%s\",\"profileId\":\"%s\",\"reason\":\"%s\",\"text\":\"%s\"}"
            .formatted(title, v.profileId(), reason, text),
        v.token());
  }

  @Test
  void adminsSeeViewsAndCompletionsPerTitleAndDay() {
    Viewer v = Viewers.newViewer(api, "WEB", null);
    String admin = Viewers.admin(api);
    Viewers.subscribe(api, admin, v, "HD");
    String title = titles.get(2);
    for (int i = 0; i < 2; i++) {
      Api.Reply s = Viewers.startSession(api, v, v.deviceId(), title);
      assertThat(s.status()).as(s.toString()).isEqualTo(201);
      api.delete("/api/playback/sessions/" + s.json().getString("sessionId"), v.token());
    }
    // The end of the title, written twice: one completion for the profile today.
    for (int i = 0; i < 2; i++) {
      Api.Reply end =
          api.putJson(
              "/api/playback/positions",
              "{\"titleId\":\"%s\",\"profileId\":\"%s\",\"deviceId\":\"%s\",\"positionSeconds\":2,"
                      .formatted(title, v.profileId(), v.deviceId())
                  + "\"clientTime\":\""
                  + Instant.now().plusMillis(i)
                  + "\",\"event\":\"STOP\"}",
              v.token());
      assertThat(end.json().getBoolean("watched")).as(end.toString()).isTrue();
    }
    // Per UTC day: around midnight the two views can land on two days, so the days are added up.
    var days =
        api.get("/api/catalog/moderation/stats?titleId=" + title, admin)
            .array()
            .getValuesAs(JsonObject.class);
    assertThat(days.stream().mapToInt(d -> d.getInt("views")).sum()).isEqualTo(2);
    assertThat(days.stream().mapToInt(d -> d.getInt("completions")).sum()).isEqualTo(1);
    assertThat(api.get("/api/catalog/moderation/stats", v.token()).status()).isEqualTo(403);
    assertProblem(
        api.get("/api/catalog/moderation/stats?from=2026-02-30", admin), 400, "invalid-date");
  }
}
