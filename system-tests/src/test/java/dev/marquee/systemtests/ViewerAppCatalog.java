package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.systemtests.Viewers.Viewer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The catalog and watch history {@link ViewerAppBrowserIT} sets up through the API. */
final class ViewerAppCatalog {
  private ViewerAppCatalog() {}

  /** Uploads a master as a WORLD-licensed title; returns its id (published later). */
  static String publish(
      Api api, String creator, Path master, String name, String category, String rating)
      throws Exception {
    return Creators.ingest(
        api,
        creator,
        master,
        """
        {"name":"%s","synopsis":"%s, for the viewer app.","language":"en","category":"%s",
         "maturityRating":"%s","releaseYear":2026,
         "licence":{"regions":["WORLD"],"offlineAllowed":false}}"""
            .formatted(name, name, category, rating));
  }

  static void patch(Api api, String title, String json) {
    String admin = Viewers.admin(api);
    String etag = api.get("/api/catalog/admin/titles/" + title, admin).header("ETag").orElseThrow();
    Api.Reply patched =
        api.send(
            "PATCH",
            "/api/catalog/admin/titles/" + title,
            json,
            Map.of(
                "Authorization",
                "Bearer " + admin,
                "Content-Type",
                "application/merge-patch+json",
                "If-Match",
                etag));
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
  }

  /** The player's last report at the end of a 2 s title: a completion for the profile. */
  static void complete(Api api, Viewer v, String title) {
    Api.Reply end =
        api.putJson(
            "/api/playback/positions",
            ("{\"titleId\":\"%s\",\"profileId\":\"%s\",\"deviceId\":\"%s\",\"positionSeconds\":2,"
                    + "\"clientTime\":\"%s\",\"event\":\"STOP\"}")
                .formatted(title, v.profileId(), v.deviceId(), Instant.now()),
            v.token());
    assertThat(end.json().getBoolean("watched")).as(end.toString()).isTrue();
  }

  static void runRecommendationJob(Api api, String admin) throws InterruptedException {
    Api.Reply started = api.post("/api/operations/recommendations", admin);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String location = started.header("Location").orElseThrow();
    String path = location.substring(location.indexOf("/api/"));
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    String status = api.get(path, admin).json().getString("status");
    while (System.nanoTime() < deadline && !List.of("COMPLETED", "FAILED").contains(status)) {
      Thread.sleep(250);
      status = api.get(path, admin).json().getString("status");
    }
    assertThat(status).isEqualTo("COMPLETED");
  }
}
