package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.systemtests.Viewers.Viewer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stops the shared object storage (s3proxy) while a title plays: segments and uploads are refused
 * with a clear 503 naming storage (never a 500, never "database"), what is kept in PostgreSQL
 * (manifests, sessions) goes on, and once storage is back the same bytes are served. Runs just
 * before the database outage, after every other class (see junit-platform.properties).
 */
@ExtendWith(RunningMarquee.class)
@Order(Integer.MAX_VALUE - 1)
class ObjectStorageOutageIT {
  private final Api api = RunningMarquee.api();

  @Test
  void segmentsAndUploadsAreRefusedPlainlyWhileStorageIsDownAndServedAgainAfter() throws Exception {
    Path master = Files.createTempDirectory("storage-outage").resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 2, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    String title =
        Creators.ingest(api, creator, master, Creators.title("en", "drama", "ALL", "[\"WORLD\"]"));
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(4));
    Viewer viewer = Viewers.newViewer(api, "WEB", null);
    Viewers.subscribe(api, Viewers.admin(api), viewer, "HD");
    Api.Reply started = Viewers.startSession(api, viewer, viewer.deviceId(), title);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    JsonObject session = started.json();
    Matcher init =
        Pattern.compile("initialization=\"([^\"]+)\"")
            .matcher(Viewers.manifest(api, session, "dash").body());
    assertThat(init.find()).isTrue();
    String segment = init.group(1).replace("&amp;", "&");
    byte[] before = api.getBytes(segment, Map.of()).body();
    assertThat(before).isNotEmpty();
    var storage = RunningMarquee.stack().objectStore();

    storage.stop();
    try {
      Api.Reply refused = api.get(segment);
      assertProblem(refused, 503, "storage-unavailable");
      assertThat(refused.header("Retry-After")).isPresent();
      // A creator's upload cannot start either, and says why.
      Api.Reply upload =
          api.postJson(
              "/api/ingest/uploads",
              Creators.uploadRequest(
                  Creators.goodTitle(), "master.mp4", Files.size(master), Creators.sha256(master)),
              creator);
      assertProblem(upload, 503, "storage-unavailable");
      // What lives in PostgreSQL goes on: the session's manifest is still served.
      assertThat(Viewers.manifest(api, session, "dash").status()).isEqualTo(200);
    } finally {
      storage.start();
    }

    // Storage back: the same segment, byte for byte (nothing stored before the outage is lost).
    var after = api.getBytes(segment, Map.of());
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo(before);
  }
}
