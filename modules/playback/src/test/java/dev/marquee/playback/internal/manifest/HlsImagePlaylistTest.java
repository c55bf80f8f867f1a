package dev.marquee.playback.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.transcode.api.RenditionView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trick-play thumbnails in HLS: the image stream in the multivariant playlist, and its playlist.
 */
class HlsImagePlaylistTest {
  private static final String PREFIX = "titles/0b6f3a52-6c1e-4d8e-a4a5-2d9b1c0e7f11/job/";

  /** A 70 s title: one video segment of 70 s at 90 kHz. */
  private static ManifestInput input(RenditionView thumbnails) {
    RenditionView video =
        new RenditionView(
            "240p",
            "VIDEO",
            426,
            240,
            null,
            "main",
            "avc1.64001f",
            90_000,
            25.0,
            400_000,
            400_000,
            500_000,
            PREFIX + "video/240p/{scheme}/init.mp4",
            "11111111-1111-1111-1111-111111111111",
            List.of("cenc", "cbcs"),
            List.of(
                new RenditionView.SegmentView(
                    0, 0, 6_300_000, 1000, PREFIX + "video/240p/{scheme}/seg-1.m4s")),
            null);
    return new ManifestInput(
        List.of(video),
        List.of(),
        List.of(),
        thumbnails,
        "cbcs",
        "exp=1900000000&sig=abc",
        "/api/drm/licenses/clearkey",
        kid -> "/api/drm/licenses/hls/" + kid);
  }

  @Test
  void theMultivariantPlaylistNamesTheImageStreamWithATilesResolution() {
    String m =
        HlsPlaylists.multivariant(
            input(DashManifestTest.thumbnails()), name -> "/media/" + name + ".m3u8");

    assertThat(m)
        .contains(
            "#EXT-X-IMAGE-STREAM-INF:BANDWIDTH=24000,RESOLUTION=256x144,CODECS=\"jpeg\","
                + "URI=\"/media/thumbnails.m3u8\"\n");
  }

  @Test
  void eachSheetIsASegmentWithItsGridAndTheLastEndsWithTheTitle() {
    String playlist =
        HlsPlaylists.images(input(DashManifestTest.thumbnails()), DashManifestTest.thumbnails());

    assertThat(playlist)
        .startsWith("#EXTM3U\n")
        .contains("#EXT-X-IMAGES-ONLY\n")
        .contains("#EXT-X-TARGETDURATION:50\n")
        .contains(
            "#EXTINF:50.00000,\n#EXT-X-TILES:RESOLUTION=256x144,LAYOUT=5x5,DURATION=2.000\n"
                + "/api/origin/"
                + PREFIX
                + "thumbs/sheet-1.jpg?exp=1900000000&sig=abc\n")
        .contains(
            "#EXTINF:20.00000,\n#EXT-X-TILES:RESOLUTION=256x144,LAYOUT=5x5,DURATION=2.000\n"
                + "/api/origin/"
                + PREFIX
                + "thumbs/sheet-2.jpg?exp=1900000000&sig=abc\n")
        .endsWith("#EXT-X-ENDLIST\n");
  }

  @Test
  void aTitleWithoutThumbnailsHasNoImageStream() {
    assertThat(HlsPlaylists.multivariant(input(null), name -> name)).doesNotContain("IMAGE");
  }
}
