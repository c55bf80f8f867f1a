package dev.marquee.drm.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which key protects a rung (by its short side, as the transcoder asks) and which plans may hold
 * it: 1080p is the top of HD, every rung above it is UHD and only a plan reaching past 1080 lines
 * opens it.
 */
class TrackTypeTest {
  @Test
  void rungsUpTo1080LinesAreHdAndEveryRungAboveIsUhd() {
    assertThat(TrackType.forVideoHeight(480)).isEqualTo(TrackType.SD);
    assertThat(TrackType.forVideoHeight(576)).isEqualTo(TrackType.HD);
    assertThat(TrackType.forVideoHeight(1080)).isEqualTo(TrackType.HD);
    assertThat(TrackType.forVideoHeight(1081)).isEqualTo(TrackType.UHD);
    assertThat(TrackType.forVideoHeight(1440)).isEqualTo(TrackType.UHD);
    assertThat(TrackType.forVideoHeight(2160)).isEqualTo(TrackType.UHD);
  }

  @Test
  void theUhdKeyIsHeldOnlyByAViewerAllowedAbove1080Lines() {
    assertThat(TrackType.UHD.allowedUpTo(1080)).isFalse();
    assertThat(TrackType.UHD.allowedUpTo(1440)).isTrue();
    assertThat(TrackType.UHD.allowedUpTo(2160)).isTrue();
    assertThat(TrackType.HD.allowedUpTo(1080)).isTrue();
    assertThat(TrackType.HD.allowedUpTo(480)).isFalse();
    assertThat(TrackType.SD.allowedUpTo(480)).isTrue();
  }
}
