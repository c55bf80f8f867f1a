package dev.marquee.media.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedSubtitlesTest {
  @TempDir Path folder;

  @Test
  void textSubtitleStreamsAreReadWithTheirLanguagesTimesAndLines() throws Exception {
    Path master = folder.resolve("with-subtitles.mkv");
    new SyntheticMaster(160, 90, 25, 4, false, List.of("eng"))
        .withSubtitles(
            "eng",
            List.of(
                new EmbeddedSubtitles.Cue(500, 1500, List.of("Hello there.")),
                new EmbeddedSubtitles.Cue(
                    2000, 3250, List.of("Two lines,", "<i>one in italics</i>"))))
        .withSubtitles("fra", List.of(new EmbeddedSubtitles.Cue(1000, 2000, List.of("Bonjour."))))
        .writeTo(master);

    assertThat(MediaProbe.probe(master).subtitles())
        .extracting(MediaInfo.SubtitleTrack::codec, MediaInfo.SubtitleTrack::language)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("subrip", "eng"),
            org.assertj.core.groups.Tuple.tuple("subrip", "fra"));

    List<EmbeddedSubtitles.Track> tracks = EmbeddedSubtitles.read(master);
    assertThat(tracks).hasSize(2);
    assertThat(tracks.get(0).text()).isTrue();
    assertThat(tracks.get(0).language()).isEqualTo("eng");
    assertThat(tracks.get(0).cues())
        .containsExactly(
            new EmbeddedSubtitles.Cue(500, 1500, List.of("Hello there.")),
            new EmbeddedSubtitles.Cue(2000, 3250, List.of("Two lines,", "one in italics")));
    assertThat(tracks.get(1).language()).isEqualTo("fra");
    assertThat(tracks.get(1).cues())
        .containsExactly(new EmbeddedSubtitles.Cue(1000, 2000, List.of("Bonjour.")));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({"ass, mkv", "webvtt, mkv", "mov_text, mp4"})
  void assWebVttAndMp4TimedTextStreamsAreReadLikeSubRip(String format, String container)
      throws Exception {
    Path master = folder.resolve("with-" + format + "." + container);
    List<EmbeddedSubtitles.Cue> cues =
        List.of(
            new EmbeddedSubtitles.Cue(400, 1600, List.of("First line.")),
            new EmbeddedSubtitles.Cue(2000, 3500, List.of("Two lines,", "the second.")));
    new SyntheticMaster(160, 90, 25, 4, false, List.of("eng"))
        .withSubtitles("deu", cues, format)
        .writeTo(master);

    assertThat(MediaProbe.probe(master).subtitles())
        .extracting(MediaInfo.SubtitleTrack::codec, MediaInfo.SubtitleTrack::language)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(format, "deu"));
    List<EmbeddedSubtitles.Track> tracks = EmbeddedSubtitles.read(master);
    assertThat(tracks).hasSize(1);
    assertThat(tracks.get(0).text()).isTrue();
    assertThat(tracks.get(0).language()).isEqualTo("deu");
    assertThat(tracks.get(0).cues()).containsExactlyElementsOf(cues);
  }

  @Test
  void aMasterWithoutSubtitleStreamsHasNone() throws Exception {
    Path master = folder.resolve("plain.mp4");
    new SyntheticMaster(160, 90, 25, 1, false, List.of()).writeTo(master);
    assertThat(EmbeddedSubtitles.read(master)).isEmpty();
  }
}
