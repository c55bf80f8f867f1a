package dev.marquee.media.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void aMasterWithoutSubtitleStreamsHasNone() throws Exception {
    Path master = folder.resolve("plain.mp4");
    new SyntheticMaster(160, 90, 25, 1, false, List.of()).writeTo(master);
    assertThat(EmbeddedSubtitles.read(master)).isEmpty();
  }
}
