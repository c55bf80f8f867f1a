package dev.marquee.transcode.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Where each trick-play thumbnail goes: tile size by the master's shape, sheets of 5 x 5. */
class ThumbnailLayoutTest {
  @Test
  void tilesKeepTheMastersShapeWithA144PixelShortSide() {
    assertThat(ThumbnailLayout.of(1920, 1080, 10, 2000))
        .extracting(ThumbnailLayout::tileWidth, ThumbnailLayout::tileHeight)
        .containsExactly(256, 144);
    assertThat(ThumbnailLayout.of(1080, 1920, 10, 2000))
        .extracting(ThumbnailLayout::tileWidth, ThumbnailLayout::tileHeight)
        .containsExactly(144, 256);
    assertThat(ThumbnailLayout.of(720, 576, 10, 2000).tileWidth()).isEqualTo(180);
    // A very wide master is capped at three times as wide as high.
    assertThat(ThumbnailLayout.of(4000, 1000, 10, 2000).tileWidth()).isEqualTo(432);
  }

  @Test
  void oneThumbnailPerIntervalThatStartsBeforeTheEnd() {
    assertThat(ThumbnailLayout.of(1920, 1080, 70, 2000).count()).isEqualTo(35);
    assertThat(ThumbnailLayout.of(1920, 1080, 70.5, 2000).count()).isEqualTo(36);
    assertThat(ThumbnailLayout.of(1920, 1080, 0.4, 2000).count()).isEqualTo(1);
  }

  @Test
  void eachThumbnailIsTheFirstFrameAtOrAfterItsTime() {
    ThumbnailLayout layout = ThumbnailLayout.of(1920, 1080, 70, 2000);
    assertThat(layout.frameOf(0, 25, 1)).isZero();
    assertThat(layout.frameOf(3, 25, 1)).isEqualTo(150);
    // 29.97 frames a second: 2 s falls between frames 59 (1.969 s) and 60 (2.002 s).
    assertThat(layout.frameOf(1, 30000, 1001)).isEqualTo(60);
    assertThat(layout.frameOf(34, 30000, 1001)).isEqualTo(2038);
    // Which thumbnails a partition whose run starts at a frame holds, first of them.
    assertThat(layout.firstFrom(0, 25, 1)).isZero();
    assertThat(layout.firstFrom(50, 25, 1)).isEqualTo(1);
    assertThat(layout.firstFrom(51, 25, 1)).isEqualTo(2);
    assertThat(layout.firstFrom(60, 30000, 1001)).isEqualTo(1);
    assertThat(layout.firstFrom(61, 30000, 1001)).isEqualTo(2);
    assertThat(layout.firstFrom(1_000_000, 25, 1)).isEqualTo(layout.count());
  }

  @Test
  void thumbnailsFillSheetsLeftToRightTopToBottomAndTheLastSheetIsShort() {
    ThumbnailLayout layout = ThumbnailLayout.of(1920, 1080, 70, 2000);

    assertThat(layout.sheets()).isEqualTo(2);
    assertThat(layout.sheetWidth()).isEqualTo(1280);
    assertThat(layout.sheetHeight()).isEqualTo(720);
    assertThat(layout.sheetOf(24)).isZero();
    assertThat(layout.sheetOf(25)).isEqualTo(1);
    assertThat(layout.x(7)).isEqualTo(2 * 256);
    assertThat(layout.y(7)).isEqualTo(144);
    assertThat(layout.x(26)).isEqualTo(256);
    assertThat(layout.y(26)).isZero();
    assertThat(layout.tilesOn(0)).isEqualTo(25);
    assertThat(layout.tilesOn(1)).isEqualTo(10);
    assertThat(layout.sheetStartMillis(1)).isEqualTo(50_000);
    assertThat(layout.sheetMillis(0)).isEqualTo(50_000);
    assertThat(layout.sheetMillis(1)).isEqualTo(20_000);
  }

  @Test
  void aLayoutWithoutThumbnailsIsRefused() {
    assertThatThrownBy(() -> new ThumbnailLayout(256, 144, 5, 5, 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThumbnailLayout(256, 144, 5, 5, 2000, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
