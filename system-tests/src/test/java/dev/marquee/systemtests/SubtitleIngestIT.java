package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.api.EmbeddedSubtitles;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subtitles of a title: WebVTT and SubRip files added by its creator, and text subtitle streams
 * inside masters (SubRip, ASS, WebVTT, MP4 timed text), all kept as WebVTT.
 */
@ExtendWith(RunningMarquee.class)
class SubtitleIngestIT {
  @TempDir static Path folder;
  private static Path small;
  private final Api api = RunningMarquee.api();

  @BeforeAll
  static void makeMaster() throws Exception {
    small = folder.resolve("small.mp4");
    new SyntheticMaster(320, 180, 25, 3, false, List.of("eng", "fra")).writeTo(small);
  }

  @Test
  void subtitleFilesAreAddedToATitleAsWebVtt() throws Exception {
    String creator = Creators.newCreator(api);
    String titleId = Creators.ingest(api, creator, small);
    String srt =
        "1\r\n00:00:00,500 --> 00:00:01,500\r\nBonsoir.\r\n\r\n2\r\n00:00:02,000 --> 00:00:02,900\r\nEn voiture !\r\n";
    var french =
        api.putText(
            "/api/ingest/titles/" + titleId + "/subtitles/fr",
            srt,
            "application/x-subrip",
            creator);
    assertThat(french.status()).as(french.toString()).isEqualTo(200);
    assertThat(french.json().getInt("cues")).isEqualTo(2);
    Path stored =
        RunningMarquee.stack()
            .home()
            .resolve("objects/marquee")
            .resolve(french.json().getString("storageKey"));
    assertThat(Files.readString(stored))
        .startsWith("WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nBonsoir.");
    var english =
        api.putText(
            "/api/ingest/titles/" + titleId + "/subtitles/eng",
            "WEBVTT\n\n00:01.000 --> 00:02.000\nGood evening.\n",
            "text/vtt",
            creator);
    assertThat(english.status()).isEqualTo(200);
    assertThat(
            api.get("/api/ingest/titles/" + titleId + "/subtitles", creator).array().stream()
                .map(f -> f.asJsonObject().getString("language")))
        .containsExactly("eng", "fr");

    assertProblem(
        api.putText(
            "/api/ingest/titles/" + titleId + "/subtitles/fr",
            "1\n00:00:05,000 --> 00:00:04,000\nBackwards\n",
            "application/x-subrip",
            creator),
        400,
        "invalid-subtitles");
    assertProblem(
        api.putText(
            "/api/ingest/titles/" + titleId + "/subtitles/xx",
            srt,
            "application/x-subrip",
            creator),
        400,
        "unknown-language");
    assertProblem(
        api.putText(
            "/api/ingest/titles/" + titleId + "/subtitles/de",
            srt,
            "application/x-subrip",
            Creators.newCreator(api)),
        404,
        "title-not-found");
  }

  @Test
  void textSubtitleStreamsInsideTheMasterBecomeTheTitlesWebVttSubtitles() throws Exception {
    Path master = folder.resolve("with-subtitles.mkv");
    new SyntheticMaster(320, 180, 25, 3, false, List.of("eng"))
        .withSubtitles(
            "eng",
            List.of(
                new EmbeddedSubtitles.Cue(500, 1500, List.of("Good evening.")),
                new EmbeddedSubtitles.Cue(1800, 2600, List.of("Fish & chips", "<b>tonight</b>"))))
        .withSubtitles(
            "spa", List.of(new EmbeddedSubtitles.Cue(1000, 2000, List.of("Buenas noches."))))
        // No language tag: nobody could choose it from a menu, so it is not kept.
        .withSubtitles(null, List.of(new EmbeddedSubtitles.Cue(0, 900, List.of("?"))))
        .writeTo(master);
    String creator = Creators.newCreator(api);
    String titleId = Creators.ingest(api, creator, master);

    JsonArray files = api.get("/api/ingest/titles/" + titleId + "/subtitles", creator).array();
    assertThat(files.stream().map(f -> f.asJsonObject().getString("language")))
        .containsExactly("eng", "spa");
    JsonObject english = files.getJsonObject(0);
    assertThat(english.getInt("cues")).isEqualTo(2);
    Path stored =
        RunningMarquee.stack()
            .home()
            .resolve("objects/marquee")
            .resolve(english.getString("storageKey"));
    assertThat(Files.readString(stored))
        .isEqualTo(
            "WEBVTT\n\n"
                + "00:00:00.500 --> 00:00:01.500\nGood evening.\n\n"
                + "00:00:01.800 --> 00:00:02.600\nFish &amp; chips\ntonight\n\n");
  }

  @Test
  void mp4TimedTextAssAndWebVttStreamsInsideMastersAreKeptAsWebVtt() throws Exception {
    List<EmbeddedSubtitles.Cue> cues =
        List.of(new EmbeddedSubtitles.Cue(400, 900, List.of("Two lines,", "one cue.")));
    String vtt = "WEBVTT\n\n00:00:00.400 --> 00:00:00.900\nTwo lines,\none cue.\n\n";
    // MP4 carries timed text (mov_text); Matroska carries ASS and WebVTT streams.
    Path mp4 = folder.resolve("timed-text.mp4");
    new SyntheticMaster(160, 90, 25, 1, false, List.of("eng"))
        .withSubtitles("eng", cues, "mov_text")
        .writeTo(mp4);
    Path mkv = folder.resolve("ass-and-webvtt.mkv");
    new SyntheticMaster(160, 90, 25, 1, false, List.of("eng"))
        .withSubtitles("fra", cues, "ass")
        .withSubtitles("deu", cues, "webvtt")
        .writeTo(mkv);
    String creator = Creators.newCreator(api);
    assertKeptAsWebVtt(creator, mp4, vtt, "eng");
    assertKeptAsWebVtt(creator, mkv, vtt, "fra", "deu");
  }

  /** Ingests the master; its title's subtitles are these languages, each stored as this text. */
  private void assertKeptAsWebVtt(String creator, Path master, String vtt, String... languages)
      throws Exception {
    String titleId = Creators.ingest(api, creator, master);
    JsonArray files = api.get("/api/ingest/titles/" + titleId + "/subtitles", creator).array();
    assertThat(files.stream().map(f -> f.asJsonObject().getString("language")))
        .as(master.getFileName().toString())
        .containsExactlyInAnyOrder(languages);
    for (var file : files) {
      Path stored =
          RunningMarquee.stack()
              .home()
              .resolve("objects/marquee")
              .resolve(file.asJsonObject().getString("storageKey"));
      assertThat(Files.readString(stored)).as(stored.toString()).isEqualTo(vtt);
    }
  }
}
