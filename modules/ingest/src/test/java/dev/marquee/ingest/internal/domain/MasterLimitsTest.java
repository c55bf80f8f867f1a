package dev.marquee.ingest.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.media.api.AcceptedContainers;
import dev.marquee.media.api.MediaHeader;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbe;
import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.platform.api.ProblemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterLimitsTest {
  @TempDir Path folder;

  private static final MasterLimits SMALL = new MasterLimits(256, 144, 24, 2, 3);

  private static MediaHeader header(
      int width, int height, double fps, double seconds, int streams) {
    return new MediaHeader(
        "mov,mp4,m4a,3gp,3g2,mj2",
        seconds,
        streams,
        List.of(new MediaHeader.Video(0, "h264", width, height, fps)));
  }

  private static void assertOver(
      Runnable check, String type, Object found, Object limit, String... detailParts) {
    assertThatThrownBy(check::run)
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              ProblemException problem = (ProblemException) e;
              assertThat(problem.status()).isEqualTo(422);
              assertThat(problem.type()).isEqualTo(type);
              assertThat(problem.extensions()).containsEntry("found", found);
              assertThat(problem.extensions()).containsEntry("limit", limit);
              assertThat(problem.detail())
                  .contains(String.valueOf(found))
                  .contains(String.valueOf(limit));
              for (String part : detailParts) {
                assertThat(problem.detail()).contains(part);
              }
            });
  }

  @Test
  void eachLimitIsItsOwnProblemNamingWhatWasFoundAndTheLimit() {
    assertThatCode(() -> SMALL.check(header(256, 144, 24, 2, 3))).doesNotThrowAnyException();
    assertOver(
        () -> SMALL.check(header(258, 144, 24, 2, 3)),
        "resolution-over-limit",
        "258x144",
        "256x144",
        "258x144",
        "256x144");
    assertOver(
        () -> SMALL.check(header(256, 146, 24, 2, 3)),
        "resolution-over-limit",
        "256x146",
        "256x144");
    assertOver(
        () -> SMALL.check(header(256, 144, 25, 2, 3)),
        "frame-rate-over-limit",
        25.0,
        24.0,
        "25.0 frames per second",
        "at most 24.0");
    assertOver(
        () -> SMALL.check(header(256, 144, 24, 2.5, 3)),
        "duration-over-limit",
        2.5,
        2.0,
        "2.5 s",
        "at most 2.0 s");
    assertOver(
        () -> SMALL.check(header(256, 144, 24, 2, 4)),
        "too-many-streams",
        4,
        3,
        "4 streams",
        "at most 3");
  }

  @Test
  void valuesAHeaderLeavesOutAreNotRefusedThere() {
    assertThatCode(() -> SMALL.check(header(0, 0, 0, 0, 1))).doesNotThrowAnyException();
  }

  @Test
  void theFullProbeCountsTheFramesAVideoReallyRuns() {
    // The header says 1 s, the packets run 3 s at 24 frames per second.
    MediaInfo media =
        new MediaInfo(
            "matroska,webm",
            1,
            1000,
            List.of(new MediaInfo.VideoTrack(0, "h264", 256, 144, 24, 0, 72, List.of(0.0))),
            List.of(),
            List.of());
    assertOver(() -> SMALL.check(media), "duration-over-limit", 3.0, 2.0);
  }

  @Test
  void theDefaultsAreDocumentedOnes() {
    assertThat(MasterLimits.DEFAULTS).isEqualTo(new MasterLimits(8192, 8192, 120, 21_600, 32));
    assertThatThrownBy(() -> new MasterLimits(0, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Probes a real file with the limits checked as ingest checks them; returns headers seen. */
  private List<MediaHeader> probe(Path file, MasterLimits limits) throws Exception {
    List<MediaHeader> seen = new ArrayList<>();
    MediaInfo media =
        MediaProbe.probe(
            file,
            AcceptedContainers.MASTERS,
            h -> {
              seen.add(h);
              limits.check(h);
            });
    limits.check(media);
    return seen;
  }

  private Path master(String name, int w, int h, int fps, double seconds, int audioTracks)
      throws Exception {
    Path file = folder.resolve(name);
    List<String> languages = new ArrayList<>();
    for (int i = 0; i < audioTracks; i++) {
      languages.add("eng");
    }
    new SyntheticMaster(w, h, fps, seconds, false, languages).writeTo(file);
    return file;
  }

  /** Each limit stops a real master at its header, the first thing the check sees. */
  @Test
  void syntheticMastersOverALimitAreRefusedAtTheirHeader() throws Exception {
    assertThat(probe(master("ok.mp4", 256, 144, 24, 1, 1), SMALL)).hasSize(2);
    assertThat(probe(master("ok.mkv", 256, 144, 24, 1, 1), SMALL)).hasSize(2);
    for (var c :
        List.of(
            List.of(master("wide.mp4", 320, 144, 24, 1, 0), "resolution-over-limit"),
            List.of(master("tall.mkv", 256, 180, 24, 1, 0), "resolution-over-limit"),
            List.of(master("fast.mp4", 128, 72, 30, 1, 0), "frame-rate-over-limit"),
            List.of(master("fast.mkv", 128, 72, 30, 1, 0), "frame-rate-over-limit"),
            List.of(master("long.mp4", 64, 36, 10, 3, 0), "duration-over-limit"),
            List.of(master("long.mkv", 64, 36, 10, 3, 0), "duration-over-limit"),
            List.of(master("voices.mp4", 64, 36, 10, 1, 3), "too-many-streams"))) {
      List<MediaHeader> seen = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  MediaProbe.probe(
                      (Path) c.get(0),
                      AcceptedContainers.MASTERS,
                      h -> {
                        seen.add(h);
                        SMALL.check(h);
                      }))
          .as("%s", c.get(0))
          .isInstanceOf(ProblemException.class)
          .extracting(e -> ((ProblemException) e).type())
          .isEqualTo(c.get(1));
      assertThat(seen).as("%s refused at the first header", c.get(0)).hasSize(1);
    }
  }
}
