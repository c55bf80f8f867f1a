package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audio tracks added to a published title (another language, audio description) become audio
 * renditions on the title's timeline, listed in sessions and in both manifests with their role.
 */
@ExtendWith(RunningMarquee.class)
class AddedAudioIT {
  @TempDir Path folder;
  private final Api api = RunningMarquee.api();

  @Test
  void aDubAndAnAudioDescriptionAreEncodedAlongsideTheMastersAudio() throws Exception {
    Path master = folder.resolve("master.mp4");
    new SyntheticMaster(320, 180, 25, 4, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    String titleId = Creators.ingest(api, creator, master);
    Creators.awaitPublished(api, creator, titleId, Duration.ofMinutes(3));
    // A session started before the tracks are added lists the master's audio alone; the server has
    // then read the title's renditions once, and the tracks added later must still show.
    Viewers.Viewer viewer = Viewers.newViewer(api, "TV", "HARDWARE");
    Viewers.subscribe(api, Viewers.admin(api), viewer, "UHD");
    Api.Reply before = Viewers.startSession(api, viewer, viewer.deviceId(), titleId);
    assertThat(before.status()).as(before.toString()).isEqualTo(201);
    assertThat(
            before.json().getJsonArray("audio").stream()
                .map(JsonValue::asJsonObject)
                .map(t -> t.getString("language") + "/" + t.getString("role")))
        .containsExactly("eng/main");
    assertThat(Viewers.manifest(api, before.json(), "dash").body()).doesNotContain("lang=\"fr\"");

    Api.Reply dub = api.putBytes(audioPath(titleId, "fr"), wav(4.0, 220), creator);
    assertThat(dub.status()).as(dub.toString()).isEqualTo(202);
    assertThat(dub.json().getString("language")).isEqualTo("fr");
    assertThat(dub.json().getString("role")).isEqualTo("main");
    assertThat(dub.json().getString("codec")).isEqualTo("pcm_s16le");
    Api.Reply described =
        api.putBytes(audioPath(titleId, "en") + "?role=description", wav(4.0, 440), creator);
    assertThat(described.status()).as(described.toString()).isEqualTo(202);
    assertThat(
            api.get("/api/ingest/titles/" + titleId + "/audio", creator).array().stream()
                .map(
                    t ->
                        t.asJsonObject().getString("language")
                            + "/"
                            + t.asJsonObject().getString("role")))
        .containsExactly("en/description", "fr/main");

    Map<String, JsonObject> audio = awaitAudio(creator, titleId, List.of("ad-en", "dub-fr"));
    JsonObject original = audio.get("audio-eng");
    for (String name : List.of("ad-en", "dub-fr")) {
      JsonObject added = audio.get(name);
      assertThat(added.getString("codecs")).isEqualTo("mp4a.40.2");
      assertThat(added.getJsonArray("schemes")).hasSize(2);
      // On the title's timeline: as many segments as the master's audio, starting where they do.
      JsonArray segments = added.getJsonArray("segments");
      JsonArray reference = original.getJsonArray("segments");
      assertThat(segments).hasSameSizeAs(reference);
      for (int i = 0; i < segments.size(); i++) {
        assertThat(segments.getJsonObject(i).getJsonNumber("startTime").longValue())
            .isBetween(
                reference.getJsonObject(i).getJsonNumber("startTime").longValue() - 1024,
                reference.getJsonObject(i).getJsonNumber("startTime").longValue() + 1024);
      }
    }
    assertThat(audio.get("ad-en").getString("role")).isEqualTo("description");
    assertThat(audio.get("dub-fr").getString("role")).isEqualTo("main");

    // A viewer's session lists the three tracks; the manifests say which one describes the video.
    Api.Reply started = Viewers.startSession(api, viewer, viewer.deviceId(), titleId);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    JsonObject session = started.json();
    assertThat(
            session.getJsonArray("audio").stream()
                .map(JsonValue::asJsonObject)
                .map(t -> t.getString("language") + "/" + t.getString("role")))
        .containsExactlyInAnyOrder("eng/main", "en/description", "fr/main");
    String mpd = Viewers.manifest(api, session, "dash").body();
    String descriptionSet = adaptationSet(mpd, "en");
    assertThat(descriptionSet)
        .contains(
            "<Accessibility schemeIdUri=\"urn:tva:metadata:cs:AudioPurposeCS:2007\" value=\"1\"/>",
            "<Role schemeIdUri=\"urn:mpeg:dash:role:2011\" value=\"description\"/>");
    // Descriptors in schema order: ContentProtection before Accessibility and Role.
    assertThat(descriptionSet.indexOf("<ContentProtection"))
        .isLessThan(descriptionSet.indexOf("<Role"));
    assertThat(adaptationSet(mpd, "fr"))
        .contains("<Role schemeIdUri=\"urn:mpeg:dash:role:2011\" value=\"main\"/>");
    String m3u8 = Viewers.manifest(api, session, "hls").body();
    assertThat(m3u8)
        .containsPattern(
            "TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"en\",NAME=\"en \\(audio description\\)\","
                + "DEFAULT=NO,AUTOSELECT=YES,CHARACTERISTICS=\"public.accessibility.describes-video\"")
        .containsPattern("LANGUAGE=\"eng\",NAME=\"eng\",DEFAULT=YES");

    // Sending the dub again replaces it: still one French rendition, from the new file.
    String firstKey = dub.json().getString("storageKey");
    Api.Reply again = api.putBytes(audioPath(titleId, "fr"), wav(4.0, 330), creator);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().getString("storageKey")).isNotEqualTo(firstKey);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    String initBefore =
        audio.get("dub-fr").getJsonArray("segments").getJsonObject(0).getString("key");
    while (System.nanoTime() < deadline) {
      List<JsonObject> french =
          renditions(creator, titleId).stream()
              .filter(r -> r.getString("name").equals("dub-fr"))
              .toList();
      assertThat(french).hasSizeLessThanOrEqualTo(1);
      if (french.size() == 1
          && !french.get(0).getString("initKey").equals(audio.get("dub-fr").getString("initKey"))) {
        // New object keys (and IVs): segments already cached under the old keys never change.
        assertThat(sizeOfFirstSegment(french.get(0)))
            .isNotEqualTo(sizeOfFirstSegment(audio.get("dub-fr")));
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the replaced dub was not encoded again (" + initBefore + ")");
  }

  @Test
  void whatIsNotAnAudioTrackIsRefusedByName() throws Exception {
    Path master = folder.resolve("small.mp4");
    new SyntheticMaster(160, 90, 25, 1, false, List.of("eng")).writeTo(master);
    String creator = Creators.newCreator(api);
    String titleId = Creators.ingest(api, creator, master);

    assertProblem(
        api.putBytes(
            audioPath(titleId, "fr"), "not a sound at all\n".repeat(50).getBytes(), creator),
        422,
        "not-audio");
    Path silentFilm = folder.resolve("silent.mp4");
    new SyntheticMaster(160, 90, 25, 1, false, List.of()).writeTo(silentFilm);
    assertProblem(
        api.putBytes(audioPath(titleId, "fr"), Files.readAllBytes(silentFilm), creator),
        422,
        "not-audio");
    assertProblem(
        api.putBytes(audioPath(titleId, "xx"), wav(1, 440), creator), 400, "unknown-language");
    assertProblem(
        api.putBytes(audioPath(titleId, "fr") + "?role=commentary", wav(1, 440), creator),
        400,
        "invalid-role");
    assertProblem(api.putBytes(audioPath(titleId, "fr"), new byte[0], creator), 400, "empty-audio");
    // The title lasts 1 s: a 4 s dub belongs to something else.
    assertProblem(
        api.putBytes(audioPath(titleId, "fr"), wav(4, 440), creator), 422, "duration-mismatch");
    assertProblem(
        api.putBytes(audioPath(titleId, "fr"), wav(1, 440), Creators.newCreator(api)),
        404,
        "title-not-found");
    assertThat(api.get("/api/ingest/titles/" + titleId + "/audio", creator).array()).isEmpty();
  }

  /** The DASH AdaptationSet of a language, from its opening tag to its end. */
  private static String adaptationSet(String mpd, String language) {
    var matcher =
        java.util.regex.Pattern.compile(
                "<AdaptationSet[^>]*lang=\"" + language + "\"[^>]*>.*?</AdaptationSet>",
                java.util.regex.Pattern.DOTALL)
            .matcher(mpd);
    assertThat(matcher.find()).as("an AdaptationSet in " + language).isTrue();
    return matcher.group();
  }

  private static String audioPath(String titleId, String language) {
    return "/api/ingest/titles/" + titleId + "/audio/" + language;
  }

  private Map<String, JsonObject> awaitAudio(String creator, String titleId, List<String> names)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    List<JsonObject> last = List.of();
    while (System.nanoTime() < deadline) {
      last = renditions(creator, titleId);
      Map<String, JsonObject> audio =
          last.stream()
              .filter(r -> r.getString("kind").equals("AUDIO"))
              .collect(Collectors.toMap(r -> r.getString("name"), Function.identity()));
      if (audio.keySet().containsAll(names)) {
        return audio;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("added audio not encoded within 2 minutes; renditions: " + last);
  }

  private List<JsonObject> renditions(String creator, String titleId) {
    return api.get("/api/transcode/titles/" + titleId + "/renditions", creator).array().stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  private static int sizeOfFirstSegment(JsonObject rendition) {
    return rendition.getJsonArray("segments").getJsonObject(0).getInt("sizeBytes");
  }

  /** A stereo 48 kHz 16-bit PCM WAV file of a tone, as a studio might deliver a dub. */
  static byte[] wav(double seconds, double frequency) {
    int rate = 48_000;
    int frames = (int) Math.round(seconds * rate);
    ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      short sample = (short) (8000 * Math.sin(2 * Math.PI * frequency * i / rate));
      pcm.putShort(sample).putShort(sample);
    }
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes()).putInt(36 + pcm.capacity()).put("WAVE".getBytes());
    header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2);
    header.putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 16);
    header.put("data".getBytes()).putInt(pcm.capacity());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.array());
    out.writeBytes(pcm.array());
    return out.toByteArray();
  }
}
