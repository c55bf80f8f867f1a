package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.DemoTitle;
import dev.marquee.devstack.EmbeddedDatabase;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbe;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An ingested master becomes a ladder of CMAF renditions through the transcode-title batch job. */
@ExtendWith(RunningMarquee.class)
class TranscodeIT {
  @TempDir Path folder;
  private final Api api = RunningMarquee.api();

  private String ingest(String creator, Path master) throws Exception {
    return Creators.ingest(api, creator, master);
  }

  private JsonObject awaitJob(String creator, String titleId, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonObject job = null;
    while (System.nanoTime() < deadline) {
      JsonArray jobs = api.get("/api/transcode/titles/" + titleId + "/jobs", creator).array();
      if (!jobs.isEmpty()) {
        job = jobs.getJsonObject(0);
        if (List.of("PUBLISHED", "FAILED").contains(job.getString("state"))
            && !List.of("STARTING", "STARTED").contains(job.getString("batchStatus", ""))) {
          return job;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("transcode did not finish within " + timeout + "; last: " + job);
  }

  /** The rendition's init segment and media segments in one scheme, as stored, in one file. */
  static Path joined(JsonObject rendition, String scheme, Path folder) throws Exception {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    joined.writeBytes(Files.readAllBytes(storedObject(rendition.getString("initKey"), scheme)));
    for (JsonValue segment : rendition.getJsonArray("segments")) {
      joined.writeBytes(
          Files.readAllBytes(storedObject(segment.asJsonObject().getString("key"), scheme)));
    }
    return Files.write(
        folder.resolve(rendition.getString("name") + "-" + scheme + ".mp4"), joined.toByteArray());
  }

  static Path storedObject(String key, String scheme) {
    return RunningMarquee.stack()
        .home()
        .resolve("objects")
        .resolve("marquee")
        .resolve(key.replace("{scheme}", scheme));
  }

  /** Decrypts a joined rendition with shaka-packager and the key the licence server handed out. */
  private Path decrypted(
      JsonObject rendition, String scheme, String stream, Map<String, String> keys)
      throws Exception {
    Path encrypted = joined(rendition, scheme, folder);
    byte[] bytes = Files.readAllBytes(encrypted);
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(text).contains(stream.equals("video") ? "encv" : "enca", "pssh", "senc", scheme);
    String kid = rendition.getString("keyId");
    Path clear = folder.resolve(rendition.getString("name") + "-" + scheme + "-clear.mp4");
    ShakaPackager.decrypt(encrypted, stream, clear, kid, keys.get(kid));
    return clear;
  }

  /** The title's video renditions, lowest first. */
  private List<JsonObject> videoRenditions(String creator, String titleId) {
    return api.get("/api/transcode/titles/" + titleId + "/renditions", creator).array().stream()
        .map(JsonValue::asJsonObject)
        .filter(r -> r.getString("kind").equals("VIDEO"))
        .toList();
  }

  @Test
  void aPortraitVideoRecordedSidewaysIsTranscodedUprightWithRungsNamedByItsShortSide()
      throws Exception {
    // A phone's portrait video: 640x360 pixels stored with "turn 90 degrees clockwise".
    Path master = folder.resolve("portrait.mp4");
    new SyntheticMaster(640, 360, 25, 2, false, List.of("eng")).rotated(90).writeTo(master);
    String creator = Creators.newCreator(api);
    String titleId = ingest(creator, master);

    JsonObject job = awaitJob(creator, titleId, Duration.ofMinutes(3));
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("PUBLISHED");
    // Shown upright the picture is 360 wide and 640 tall: rungs are named by the short side, so
    // 360p is the master's own 360x640 and 240p is 240x426.
    List<JsonObject> video = videoRenditions(creator, titleId);
    assertThat(
            video.stream()
                .map(r -> r.getString("name") + " " + r.getInt("width") + "x" + r.getInt("height")))
        .containsExactly("240p 240x426", "360p 360x640");
    // Same pixel count as the 16:9 rungs, same bitrates.
    assertThat(video.stream().map(r -> r.getJsonNumber("targetBitrate").longValue()))
        .containsExactly(400_000L, 800_000L);
    Map<String, String> keys = Viewers.keysOf(api, titleId, "GB");
    MediaInfo.VideoTrack decoded =
        MediaProbe.probe(decrypted(video.get(1), "cenc", "video", keys)).video().get(0);
    assertThat(decoded.width()).isEqualTo(360);
    assertThat(decoded.height()).isEqualTo(640);
    assertThat(decoded.rotationDegrees()).as("pixels turned, no rotation left").isZero();
  }

  @Test
  void aMasterOf576LinesKeepsATopRungAtItsOwnResolution() throws Exception {
    Path master = folder.resolve("pal.mp4");
    new SyntheticMaster(1024, 576, 25, 2, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    String titleId = ingest(creator, master);

    JsonObject job = awaitJob(creator, titleId, Duration.ofMinutes(3));
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("PUBLISHED");
    List<JsonObject> video = videoRenditions(creator, titleId);
    assertThat(
            video.stream()
                .map(r -> r.getString("name") + " " + r.getInt("width") + "x" + r.getInt("height")))
        .containsExactly("240p 426x240", "360p 640x360", "480p 854x480", "576p 1024x576");
    // 576p's bitrate lies between 480p's and 720p's by its pixel count.
    assertThat(video.get(3).getJsonNumber("targetBitrate").longValue()).isEqualTo(1_962_552L);
    Map<String, String> keys = Viewers.keysOf(api, titleId, "GB");
    MediaInfo.VideoTrack decoded =
        MediaProbe.probe(decrypted(video.get(3), "cenc", "video", keys)).video().get(0);
    assertThat(decoded.width()).isEqualTo(1024);
    assertThat(decoded.height()).isEqualTo(576);
    assertThat(decoded.frames()).isEqualTo(50);
  }

  @Test
  void aMasterAbove1080LinesGetsA1080pRungAndAUhdRungThatOnlyAUhdPlanOpens() throws Exception {
    // One second of 2560x1440: one chunk per rung, so the whole ladder encodes in seconds.
    Path master = folder.resolve("qhd.mp4");
    new SyntheticMaster(2560, 1440, 25, 1, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    String titleId = ingest(creator, master);

    JsonObject job = awaitJob(creator, titleId, Duration.ofMinutes(3));
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("PUBLISHED");
    List<JsonObject> video = videoRenditions(creator, titleId);
    assertThat(
            video.stream()
                .map(r -> r.getString("name") + " " + r.getInt("width") + "x" + r.getInt("height")))
        .containsExactly(
            "240p 426x240",
            "360p 640x360",
            "480p 854x480",
            "720p 1280x720",
            "1080p 1920x1080",
            "1440p 2560x1440");

    // A UHD subscriber's hardware TV is told of an SD, an HD and a UHD key: 1080p is under the
    // HD key, 1440p under the UHD key, and its manifest offers the 1440p rung.
    String admin = Viewers.admin(api);
    Viewers.Viewer uhd = Viewers.newViewer(api, "TV", "HARDWARE");
    Viewers.subscribe(api, admin, uhd, "UHD");
    Api.Reply started = Viewers.startSession(api, uhd, uhd.deviceId(), titleId);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    JsonObject keyIds = started.json().getJsonObject("keyIds");
    assertThat(keyIds.keySet()).containsExactlyInAnyOrder("SD", "HD", "UHD", "AUDIO");
    assertThat(video.get(4).getString("keyId")).isEqualTo(keyIds.getString("HD"));
    assertThat(video.get(5).getString("keyId")).isEqualTo(keyIds.getString("UHD"));
    String uhdKey = keyIds.getString("UHD");
    assertThat(Viewers.manifest(api, started.json(), "dash").body())
        .contains("<Representation id=\"1080p\"", "<Representation id=\"1440p\"");
    Api.Reply granted = licence(started.json(), uhdKey);
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    assertThat(Viewers.keys(granted.json())).containsOnlyKeys(uhdKey);

    // An HD subscriber's hardware TV: 1080p but no 1440p, no UHD key id, and the UHD key refused.
    Viewers.Viewer hd = Viewers.newViewer(api, "TV", "HARDWARE");
    Viewers.subscribe(api, admin, hd, "HD");
    Api.Reply capped = Viewers.startSession(api, hd, hd.deviceId(), titleId);
    assertThat(capped.status()).as(capped.toString()).isEqualTo(201);
    assertThat(capped.json().getJsonObject("keyIds").keySet()).doesNotContain("UHD");
    assertThat(Viewers.manifest(api, capped.json(), "dash").body())
        .contains("<Representation id=\"1080p\"")
        .doesNotContain("<Representation id=\"1440p\"");
    ProblemAssert.assertProblem(licence(capped.json(), uhdKey), 403, "plan-resolution");
  }

  @Test
  void theRunCommandsDemoTitleIsIngestedOnceAndPublishedAndPlaysForTheAdmin() throws Exception {
    // What the README's run command does on first start, with a 2 s master instead of 30 s.
    Path home = folder.resolve("demo-home");
    String password = RunningMarquee.stack().adminPassword();
    DemoTitle demo = new DemoTitle(home, api.baseUrl(), MarqueeStack.ADMIN_EMAIL, password, 2);
    String titleId = demo.ensure();
    demo.entitleAdmin();
    assertThat(demo.state(titleId)).isEqualTo("ingested now, transcoding in the background");

    String admin = Viewers.admin(api);
    String page = "/api/catalog/admin/titles/" + titleId;
    assertThat(api.get(page, admin).json().getString("name")).isEqualTo("Night Train (demo)");
    assertThat(
            api.get("/api/ingest/titles/" + titleId + "/subtitles", admin).array().stream()
                .map(f -> f.asJsonObject().getString("language")))
        .containsExactlyInAnyOrder("en", "fr");
    JsonObject job = awaitJob(admin, titleId, Duration.ofMinutes(3));
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("PUBLISHED");
    assertThat(api.get(page, admin).json().getString("state")).isEqualTo("PUBLISHED");

    // The admin, on its demo plan, starts watching in the web player (a WEB device, ClearKey):
    // both audio languages and both subtitles are offered, and the licence opens every key.
    String deviceId = Viewers.device(api, admin, "WEB", null);
    Viewers.Viewer self =
        new Viewers.Viewer(
            MarqueeStack.ADMIN_EMAIL,
            admin,
            api.get("/api/accounts/me", admin).json().getString("id"),
            api.get("/api/accounts/me/profiles", admin).array().getJsonObject(0).getString("id"),
            deviceId);
    Api.Reply started = Viewers.startSession(api, self, deviceId, titleId);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    JsonObject session = started.json();
    assertThat(
            session.getJsonArray("audio").stream().map(t -> t.asJsonObject().getString("language")))
        .containsExactlyInAnyOrder("eng", "fra");
    assertThat(
            session.getJsonArray("subtitles").stream()
                .map(t -> t.asJsonObject().getString("language")))
        .containsExactlyInAnyOrder("en", "fr");
    // A browser decrypts in software: the ladder up to 480p, not the master's 720p.
    assertThat(Viewers.manifest(api, session, "dash").body())
        .contains("<Representation id=\"480p\"", "lang=\"eng\"", "lang=\"fra\"")
        .doesNotContain("<Representation id=\"720p\"");
    String[] kids =
        session.getJsonObject("keyIds").values().stream()
            .map(k -> ((JsonString) k).getString())
            .toArray(String[]::new);
    Api.Reply granted =
        api.send(
            "POST",
            "/api/drm/licenses/clearkey",
            Viewers.clearKeyRequest("temporary", kids),
            Map.of("X-Playback-Session", session.getString("token"), "X-Viewer-Country", "GB"));
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    assertThat(Viewers.keys(granted.json())).containsOnlyKeys(kids);
    api.delete("/api/playback/sessions/" + session.getString("sessionId"), admin);
    api.delete("/api/accounts/me/devices/" + deviceId, admin);

    // The next start finds the title in its home: same id, nothing uploaded again, ready.
    DemoTitle next = new DemoTitle(home, api.baseUrl(), MarqueeStack.ADMIN_EMAIL, password, 2);
    assertThat(next.ensure()).isEqualTo(titleId);
    assertThat(demoCounts()).containsExactly(1L, 1L);
    assertThat(next.state(titleId))
        .isEqualTo("from an earlier start, transcoded and ready to play");
  }

  /** Uploads opened for a demo title, and titles named as the demo: no API lists either. */
  private static List<Long> demoCounts() {
    String uploads = "SELECT 1, count(*) FROM ingest.uploads WHERE title_metadata LIKE ?";
    String titles = "SELECT 1, count(*) FROM catalog.titles WHERE name = ?";
    return List.of(
        Long.parseLong(Database.pairs(uploads, "%\"Night Train (demo)\"%").get("1")),
        Long.parseLong(Database.pairs(titles, "Night Train (demo)").get("1")));
  }

  /** A streaming licence asked for one key with a session's token, from Great Britain. */
  private Api.Reply licence(JsonObject session, String kid) {
    return api.send(
        "POST",
        "/api/drm/licenses/clearkey",
        Viewers.clearKeyRequest("temporary", kid),
        Map.of("X-Playback-Session", session.getString("token"), "X-Viewer-Country", "GB"));
  }

  /** The exit status of the job execution's thumbnails step, from the batch job repository. */
  private static String thumbnailsStepExit(long execution) throws SQLException {
    EmbeddedDatabase db = RunningMarquee.stack().database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT exitstatus FROM batch.wlpstepthreadexecution"
                    + " WHERE fk_jobexecid = ? AND stepname = 'thumbnails'")) {
      s.setLong(1, execution);
      try (ResultSet rows = s.executeQuery()) {
        assertThat(rows.next()).as("a thumbnails step in execution %d", execution).isTrue();
        return rows.getString(1);
      }
    }
  }

  @Test
  void aMasterIsTranscodedIntoTheLadderBelowItsHeightAsCmafSegments() throws Exception {
    Path master = folder.resolve("master.mp4");
    new SyntheticMaster(640, 360, 25, 3, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    String titleId = ingest(creator, master);

    JsonObject job = awaitJob(creator, titleId, Duration.ofMinutes(3));
    // Another creator's title does not exist for this creator.
    String stranger = Creators.newCreator(api);
    ProblemAssert.assertProblem(
        api.get("/api/transcode/titles/" + titleId + "/jobs", stranger), 404, "title-not-found");
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("PUBLISHED");
    assertThat(job.getString("batchStatus")).isEqualTo("COMPLETED");
    assertThat(job.getInt("chunkCount")).isEqualTo(2);
    JsonObject rungs = job.getJsonObject("rungs");
    assertThat(rungs.keySet()).containsExactlyInAnyOrder("240p", "360p");
    rungs.values().forEach(r -> assertThat(r.asJsonObject().getInt("done")).isEqualTo(2));

    JsonArray renditions =
        api.get("/api/transcode/titles/" + titleId + "/renditions", creator).array();
    assertThat(renditions.stream().map(r -> r.asJsonObject().getString("name")))
        .containsExactly("audio-eng", "thumbnails", "240p", "360p");
    // Trick-play: one 5x5 sheet of 256x144 pictures (a 16:9 master), a picture every 2 s: two
    // for 3 s, so the one sheet stands for 4 s. Stills below every rung, stored in the clear.
    JsonObject thumbnails = renditions.getJsonObject(1);
    assertThat(thumbnails.getString("kind")).isEqualTo("IMAGE");
    assertThat(thumbnails.getInt("width")).isEqualTo(1280);
    assertThat(thumbnails.getInt("height")).isEqualTo(720);
    assertThat(thumbnails.getString("codecs")).isEqualTo("jpeg");
    assertThat(thumbnails.getJsonArray("schemes")).isEmpty();
    JsonObject tiles = thumbnails.getJsonObject("tiles");
    assertThat(List.of(tiles.getInt("columns"), tiles.getInt("rows"), tiles.getInt("duration")))
        .containsExactly(5, 5, 2000);
    JsonArray sheets = thumbnails.getJsonArray("segments");
    assertThat(sheets).hasSize(1);
    assertThat(sheets.getJsonObject(0).getInt("duration")).isEqualTo(4000);
    assertThat(sheets.getJsonObject(0).getString("key")).endsWith("/thumbs/sheet-1.jpg");
    // The thumbnails were taken from the pictures the encode decoded (the master was not decoded
    // again for them), and the tiles kept until the sheets were drawn are gone from storage.
    assertThat(thumbnailsStepExit(job.getJsonNumber("executionId").longValue()))
        .isEqualTo("made 2 thumbnails on 1 sheets from the encode's pictures");
    String prefix = sheets.getJsonObject(0).getString("key").replace("/sheet-1.jpg", "");
    try (var stored = Files.walk(RunningMarquee.stack().home().resolve("objects"))) {
      assertThat(stored.map(Path::toString).filter(f -> f.contains(prefix)))
          .anyMatch(f -> f.endsWith("sheet-1.jpg"))
          .noneMatch(f -> f.contains("/tiles/"));
    }
    JsonObject audio = renditions.getJsonObject(0);
    assertThat(audio.getString("kind")).isEqualTo("AUDIO");
    assertThat(audio.getString("language")).isEqualTo("eng");
    assertThat(audio.getString("codecs")).isEqualTo("mp4a.40.2");
    assertThat(audio.getJsonArray("segments")).hasSize(2);
    // Audio and video share the timeline: audio starts at 0 and ends within one AAC frame
    // (1,024 samples) of the video's 3 s, and its segments follow the video's boundaries.
    JsonArray audioSegments = audio.getJsonArray("segments");
    int rate = audio.getInt("timescale");
    assertThat(audioSegments.getJsonObject(0).getJsonNumber("startTime").longValue()).isZero();
    long audioEnd =
        audioSegments.getJsonObject(1).getJsonNumber("startTime").longValue()
            + audioSegments.getJsonObject(1).getInt("duration");
    assertThat(audioEnd).isBetween(3L * rate - 1024, 3L * rate + 1024);
    assertThat(audioSegments.getJsonObject(1).getJsonNumber("startTime").longValue())
        .isBetween(2L * rate - 1024, 2L * rate + 1024);
    // Every rendition is stored encrypted in both schemes; the keys come from the licence server
    // like a player's, and shaka-packager decrypts with them.
    Map<String, String> keys = Viewers.keysOf(api, titleId, "GB");
    assertThat(audio.getJsonArray("schemes").getValuesAs(JsonString::getString))
        .containsExactly("cenc", "cbcs");
    for (String scheme : List.of("cenc", "cbcs")) {
      MediaInfo.AudioTrack sound =
          MediaProbe.probe(decrypted(audio, scheme, "audio", keys)).audio().get(0);
      assertThat(sound.sampleRate()).isEqualTo(48_000);
      assertThat(sound.language()).isEqualTo("eng");
    }

    for (JsonValue value : renditions.subList(2, renditions.size())) {
      JsonObject rendition = value.asJsonObject();
      int height = rendition.getInt("height");
      int width = rendition.getInt("width");
      assertThat(width).isEqualTo(height == 240 ? 426 : 640);
      assertThat(rendition.getString("codecs")).startsWith("avc1.");
      int timescale = rendition.getInt("timescale");
      JsonArray segments = rendition.getJsonArray("segments");
      assertThat(segments).hasSize(2);
      assertThat(segments.getJsonObject(0).getInt("duration")).isEqualTo(2 * timescale);
      assertThat(segments.getJsonObject(1).getInt("duration")).isEqualTo(timescale);
      assertThat(segments.getJsonObject(1).getJsonNumber("startTime").longValue())
          .isEqualTo(2L * timescale);
      // Rate control keeps the average within the ladder's budget.
      assertThat(rendition.getJsonNumber("averageBandwidth").longValue())
          .isPositive()
          .isLessThanOrEqualTo(rendition.getJsonNumber("targetBitrate").longValue() * 3 / 2);

      // The stored init segment plus media segments, decrypted by an independent packager with
      // the licensed key, play as one stream: every frame once, an IDR frame at each segment
      // start; both schemes give the same pictures.
      String cencFrames = null;
      for (String scheme : List.of("cenc", "cbcs")) {
        Path clear = decrypted(rendition, scheme, "video", keys);
        MediaInfo.VideoTrack video = MediaProbe.probe(clear).video().get(0);
        assertThat(video.frames()).isEqualTo(75);
        assertThat(video.width()).isEqualTo(width);
        assertThat(video.height()).isEqualTo(height);
        assertThat(video.keyframeSeconds()).containsExactly(0.0, 2.0);
        String frames = FramePixels.digest(clear);
        if (cencFrames == null) {
          cencFrames = frames;
        } else {
          assertThat(frames).as("cbcs and cenc decode to the same pictures").isEqualTo(cencFrames);
        }
      }
    }
  }
}
