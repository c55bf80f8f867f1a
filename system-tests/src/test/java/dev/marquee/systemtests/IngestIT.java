package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Creators upload masters resumably; Marquee verifies, probes and stores them, or says why not. */
@ExtendWith(RunningMarquee.class)
class IngestIT {
  private static final long PART = 5L * 1024 * 1024;
  @TempDir static Path folder;
  private static Path small;
  private static Path large;
  private final Api api = RunningMarquee.api();

  @BeforeAll
  static void makeMasters() throws Exception {
    small = folder.resolve("small.mp4");
    new SyntheticMaster(320, 180, 25, 3, false, List.of("eng", "fra")).writeTo(small);
    // Noise makes it large: several 5 MiB parts.
    large = folder.resolve("large.mp4");
    new SyntheticMaster(640, 360, 25, 10, true, List.of("eng")).writeTo(large);
    assertThat(Files.size(large)).as("test master spans several parts").isGreaterThan(2 * PART);
  }

  private JsonObject open(String token, Path master, String sha256) throws Exception {
    var reply =
        api.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(
                Creators.goodTitle(), master.getFileName().toString(), Files.size(master), sha256),
            token);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private static byte[] part(Path master, int number) throws Exception {
    byte[] all = Files.readAllBytes(master);
    int from = (int) ((number - 1) * PART);
    return Arrays.copyOfRange(all, from, (int) Math.min(all.length, from + PART));
  }

  private boolean storedUnder(String uploadId) throws Exception {
    Path objects = RunningMarquee.stack().home().resolve("objects");
    try (var files = Files.walk(objects)) {
      return files.anyMatch(
          p -> p.toString().contains("masters/" + uploadId) && Files.isRegularFile(p));
    }
  }

  @Test
  void aMasterSentInOnePartBecomesATitleWithItsStreamsProbed() throws Exception {
    String creator = Creators.newCreator(api);
    JsonObject upload = open(creator, small, Creators.sha256(small));
    assertThat(upload.getString("state")).isEqualTo("OPEN");
    assertThat(upload.getInt("partCount")).isEqualTo(1);
    String id = upload.getString("id");

    var stored =
        api.putBytes("/api/ingest/uploads/" + id + "/parts/1", Files.readAllBytes(small), creator);
    assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
    assertThat(stored.json().getJsonNumber("receivedBytes").longValue())
        .isEqualTo(Files.size(small));

    var done = api.post("/api/ingest/uploads/" + id + "/complete", creator);
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    JsonObject result = done.json();
    assertThat(result.getString("state")).isEqualTo("COMPLETED");
    assertThat(result.getString("titleId")).isNotBlank();
    JsonObject media = result.getJsonObject("media");
    assertThat(media.getJsonNumber("durationSeconds").doubleValue()).isBetween(2.9, 3.2);
    JsonObject video = media.getJsonArray("video").getJsonObject(0);
    assertThat(video.getString("codec")).isEqualTo("h264");
    assertThat(video.getInt("width")).isEqualTo(320);
    assertThat(video.getInt("height")).isEqualTo(180);
    assertThat(
            media.getJsonArray("audio").stream().map(a -> a.asJsonObject().getString("language")))
        .containsExactly("eng", "fra");
    assertThat(storedUnder(id)).isTrue();
    // Completing twice is a conflict, not a second title.
    assertProblem(
        api.post("/api/ingest/uploads/" + id + "/complete", creator), 409, "upload-not-open");
  }

  @Test
  void anInterruptedUploadResumesAtTheLastStoredPartAndPartsMayGoStraightToStorage()
      throws Exception {
    String creator = Creators.newCreator(api);
    JsonObject upload = open(creator, large, Creators.sha256(large));
    String id = upload.getString("id");
    int parts = upload.getInt("partCount");
    assertThat(parts).isGreaterThanOrEqualTo(3);

    assertThat(
            api.putBytes("/api/ingest/uploads/" + id + "/parts/1", part(large, 1), creator)
                .status())
        .isEqualTo(200);
    // The connection drops half-way through part 2.
    byte[] second = part(large, 2);
    api.putAndDisconnect(
        "/api/ingest/uploads/" + id + "/parts/2",
        Arrays.copyOf(second, second.length / 2),
        second.length,
        creator);

    // The client asks where to resume: after part 1, at part 2.
    JsonObject status = null;
    for (int i = 0; i < 20; i++) {
      status = api.get("/api/ingest/uploads/" + id, creator).json();
      if (status.getInt("nextPart") == 2) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(status.getInt("nextPart")).isEqualTo(2);
    assertThat(status.getJsonNumber("receivedBytes").longValue()).isEqualTo(PART);

    assertThat(api.putBytes("/api/ingest/uploads/" + id + "/parts/2", second, creator).status())
        .isEqualTo(200);
    // The remaining parts go straight to object storage through presigned URLs.
    for (int n = 3; n <= parts; n++) {
      var presigned =
          api.post("/api/ingest/uploads/" + id + "/parts/" + n + "/presigned-url", creator);
      assertThat(presigned.status()).as(presigned.toString()).isEqualTo(200);
      var direct = Api.putBytesTo(URI.create(presigned.json().getString("url")), part(large, n));
      assertThat(direct.status()).as(direct.toString()).isEqualTo(200);
    }
    var after = api.get("/api/ingest/uploads/" + id, creator).json();
    assertThat(after.getJsonNumber("receivedBytes").longValue()).isEqualTo(Files.size(large));
    assertThat(after.getJsonArray("missingParts")).isEmpty();

    var done = api.post("/api/ingest/uploads/" + id + "/complete", creator);
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().getString("state")).isEqualTo("COMPLETED");
    assertThat(
            done.json()
                .getJsonObject("media")
                .getJsonArray("video")
                .getJsonObject(0)
                .getInt("width"))
        .isEqualTo(640);
  }

  @Test
  void aChecksumMismatchIsRejectedAndNothingStays() throws Exception {
    String creator = Creators.newCreator(api);
    String wrong = "0".repeat(64);
    String id = open(creator, small, wrong).getString("id");
    api.putBytes("/api/ingest/uploads/" + id + "/parts/1", Files.readAllBytes(small), creator);
    var rejected =
        assertProblem(
            api.post("/api/ingest/uploads/" + id + "/complete", creator), 422, "checksum-mismatch");
    assertThat(rejected.json().getString("detail")).contains(Creators.sha256(small));
    var status = api.get("/api/ingest/uploads/" + id, creator).json();
    assertThat(status.getString("state")).isEqualTo("FAILED");
    assertThat(status.getJsonObject("failure").getString("type")).isEqualTo("checksum-mismatch");
    assertThat(status.containsKey("titleId")).as("no title was created").isFalse();
    assertThat(storedUnder(id)).as("the rejected master is deleted").isFalse();
  }

  @Test
  void filesThatAreNotUsableMastersAreNamed() throws Exception {
    String creator = Creators.newCreator(api);
    Path text = Files.writeString(folder.resolve("script.mp4"), "INT. TRAIN - NIGHT\n".repeat(500));
    Path cut = folder.resolve("cut.mp4");
    byte[] whole = Files.readAllBytes(small);
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    Path jpeg = folder.resolve("master.mov");
    new SyntheticMaster(160, 90, 10, 1, false, List.of(), "mjpeg").writeTo(jpeg);

    for (var c :
        List.of(
            List.of(text, "not-a-video"),
            List.of(cut, "corrupt-master"),
            List.of(jpeg, "unsupported-codec"))) {
      Path file = (Path) c.get(0);
      String id = open(creator, file, Creators.sha256(file)).getString("id");
      assertThat(
              api.putBytes(
                      "/api/ingest/uploads/" + id + "/parts/1", Files.readAllBytes(file), creator)
                  .status())
          .isEqualTo(200);
      assertProblem(
          api.post("/api/ingest/uploads/" + id + "/complete", creator), 422, (String) c.get(1));
      assertThat(storedUnder(id)).isFalse();
    }
  }

  /** Uploads one file in one part and completes it; returns the refusal. */
  private Api.Reply refused(String creator, Path file, int status, String type) throws Exception {
    String id = open(creator, file, Creators.sha256(file)).getString("id");
    assertThat(
            api.putBytes(
                    "/api/ingest/uploads/" + id + "/parts/1", Files.readAllBytes(file), creator)
                .status())
        .isEqualTo(200);
    Api.Reply reply =
        assertProblem(api.post("/api/ingest/uploads/" + id + "/complete", creator), status, type);
    assertThat(storedUnder(id)).as("%s leaves nothing stored", file).isFalse();
    var upload = api.get("/api/ingest/uploads/" + id, creator);
    assertThat(upload.json().getString("state")).isEqualTo("FAILED");
    return reply;
  }

  /**
   * The classic attack on FFmpeg in a server: a "video" that is a playlist naming files on the
   * server (here a real master on this machine, so following it would succeed, and a secret). It is
   * refused by name, unfollowed, like any container Marquee does not take.
   */
  @Test
  void mastersInContainersMarqueeDoesNotTakeAreRefusedByName() throws Exception {
    String creator = Creators.newCreator(api);
    Path playlist =
        Files.writeString(
            folder.resolve("trailer.mp4"),
            "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:3.0,\n"
                + small.toUri()
                + "\n#EXTINF:3.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");
    JsonObject hls = refused(creator, playlist, 422, "unsupported-container").json();
    assertThat(hls.getString("container")).isEqualTo("hls");
    assertThat(hls.getJsonArray("accepted").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("mov", "matroska", "mxf");
    assertThat(hls.getString("detail")).contains("hls").contains("Matroska");

    Path ts = folder.resolve("broadcast.ts");
    new SyntheticMaster(64, 36, 10, 1, false, List.of()).writeTo(ts);
    assertThat(refused(creator, ts, 422, "unsupported-container").json().getString("container"))
        .isEqualTo("mpegts");
  }

  @Test
  void mastersOverTheConfiguredLimitsAreRefusedByName() throws Exception {
    String creator = Creators.newCreator(api);
    // The defaults: at most 120 frames per second and 32 streams.
    Path fast = folder.resolve("fast.mp4");
    new SyntheticMaster(64, 36, 125, 1, false, List.of()).writeTo(fast);
    JsonObject rate = refused(creator, fast, 422, "frame-rate-over-limit").json();
    assertThat(rate.getJsonNumber("found").doubleValue()).isEqualTo(125.0);
    assertThat(rate.getJsonNumber("limit").doubleValue()).isEqualTo(120.0);
    assertThat(rate.getString("detail")).contains("125").contains("120");

    Path voices = folder.resolve("voices.mkv");
    new SyntheticMaster(64, 36, 10, 1, false, java.util.Collections.nCopies(33, "eng"))
        .writeTo(voices);
    JsonObject streams = refused(creator, voices, 422, "too-many-streams").json();
    assertThat(streams.getInt("found")).isEqualTo(34);
    assertThat(streams.getInt("limit")).isEqualTo(32);
  }

  @Test
  void badRequestsAreNamedBeforeAnyByteIsStored() throws Exception {
    String creator = Creators.newCreator(api);
    String sha = Creators.sha256(small);
    long size = Files.size(small);
    assertProblem(
        api.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(Creators.goodTitle(), "huge.mov", 300L << 30, sha),
            creator),
        413,
        "master-too-large");
    assertProblem(
        api.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(
                Creators.title("qq", "drama", "13+", "[\"GB\"]"), "a.mp4", size, sha),
            creator),
        400,
        "unknown-language");
    assertProblem(
        api.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(
                Creators.title("en", "telenovela", "13+", "[\"GB\"]"), "a.mp4", size, sha),
            creator),
        400,
        "unknown-category");
    assertProblem(
        api.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(
                Creators.title("en", "drama", "PG", "[\"GB\"]"), "a.mp4", size, sha),
            creator),
        400,
        "invalid-maturity-rating");
    assertProblem(
        api.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(
                Creators.title("en", "drama", "13+", "[\"ZZ\"]"), "a.mp4", size, sha),
            creator),
        400,
        "unknown-region");
    assertProblem(
        api.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(Creators.goodTitle(), "a.mp4", size, "abc"),
            creator),
        400,
        "validation-failed");
    assertProblem(
        api.postJson("/api/ingest/uploads", "{\"fileName\":\"a.mp4\"}", creator),
        400,
        "validation-failed");

    String id = open(creator, small, sha).getString("id");
    assertProblem(
        api.putBytes("/api/ingest/uploads/" + id + "/parts/1", new byte[10], creator),
        400,
        "wrong-part-size");
    assertProblem(
        api.putBytes("/api/ingest/uploads/" + id + "/parts/2", new byte[10], creator),
        400,
        "no-such-part");
    var incomplete =
        assertProblem(
            api.post("/api/ingest/uploads/" + id + "/complete", creator), 409, "incomplete-upload");
    assertThat(incomplete.json().getString("detail")).contains("[1]");
    // Still open: the creator can send the part and finish.
    assertThat(api.get("/api/ingest/uploads/" + id, creator).json().getString("state"))
        .isEqualTo("OPEN");
    assertThat(api.delete("/api/ingest/uploads/" + id, creator).status()).isEqualTo(204);
    assertThat(api.get("/api/ingest/uploads/" + id, creator).json().getString("state"))
        .isEqualTo("ABORTED");
  }

  @Test
  void onlyCreatorsUploadAndOnlyTheirOwnUploads() throws Exception {
    String viewer =
        api.signIn(api.registerViewer(Creators.PASSWORD), Creators.PASSWORD)
            .getString("access_token");
    String sha = Creators.sha256(small);
    assertProblem(
        api.postJson(
            "/api/ingest/uploads",
            Creators.uploadRequest(Creators.goodTitle(), "a.mp4", Files.size(small), sha),
            viewer),
        403,
        "forbidden");
    String alice = Creators.newCreator(api);
    String bob = Creators.newCreator(api);
    String id = open(alice, small, sha).getString("id");
    assertProblem(api.get("/api/ingest/uploads/" + id, bob), 404, "upload-not-found");
    assertProblem(
        api.putBytes("/api/ingest/uploads/" + id + "/parts/1", Files.readAllBytes(small), bob),
        404,
        "upload-not-found");
  }
}
