package dev.marquee.transcode.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.transcode.internal.encode.Rung;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rungs a master gets, how big their pictures are and what bitrate each aims at. */
class LadderTest {
  private static final List<Rung> LADDER = Ladder.DEFAULT;

  /** name widthxheight@bitrate, for one readable assertion per master. */
  private static List<String> described(int width, int height) {
    return Ladder.forMaster(LADDER, width, height).stream()
        .map(
            r ->
                r.name()
                    + " "
                    + r.widthFor(width, height)
                    + "x"
                    + r.heightFor(width, height)
                    + "@"
                    + r.bitrate())
        .toList();
  }

  @Test
  void aLandscape1080pMasterGetsTheLadderUpTo1080pAtItsOwnBitrates() {
    assertThat(described(1920, 1080))
        .containsExactly(
            "240p 426x240@400000",
            "360p 640x360@800000",
            "480p 854x480@1400000",
            "720p 1280x720@3000000",
            "1080p 1920x1080@6000000");
  }

  @Test
  void aPortraitPhoneMasterIsNamedAndSizedByItsShortSide() {
    // A phone's 1920x1080 recording with a 90 degree rotation is shown 1080x1920.
    List<String> rungs = described(1080, 1920);
    assertThat(rungs)
        .containsExactly(
            "240p 240x426@400000",
            "360p 360x640@800000",
            "480p 480x854@1400000",
            "720p 720x1280@3000000",
            "1080p 1080x1920@6000000");
    // Its top rung is the master's own resolution, not 810x1440 below it.
    Rung top = Ladder.forMaster(LADDER, 1080, 1920).get(4);
    assertThat(top.widthFor(1080, 1920)).isEqualTo(1080);
    assertThat(top.heightFor(1080, 1920)).isEqualTo(1920);
  }

  @Test
  void aMasterBetweenTwoRungsKeepsATopRungAtItsOwnResolution() {
    // 1024x576 (PAL's 576 lines, square pixels): the rungs below, then 576p itself.
    List<Rung> rungs = Ladder.forMaster(LADDER, 1024, 576);
    assertThat(described(1024, 576))
        .startsWith("240p 426x240@400000", "360p 640x360@800000", "480p 854x480@1400000");
    Rung top = rungs.get(rungs.size() - 1);
    assertThat(rungs).hasSize(4);
    assertThat(top.name()).isEqualTo("576p");
    assertThat(top.widthFor(1024, 576)).isEqualTo(1024);
    assertThat(top.heightFor(1024, 576)).isEqualTo(576);
    // 589,824 pixels lie between 480p's 409,920 and 720p's 921,600: the bitrate lies between
    // theirs, in proportion (1.4 + 1.6 x 179,904 / 511,680 Mb/s).
    assertThat(top.bitrate()).isEqualTo(1_962_552L);
  }

  @Test
  void aMasterJustAboveARungGetsThatRungAndNoNearCopyOfIt() {
    assertThat(Ladder.forMaster(LADDER, 1920, 1088).stream().map(Rung::name))
        .containsExactly("240p", "360p", "480p", "720p", "1080p");
  }

  @Test
  void aMasterBelowTheLowestRungGetsOneRungOfItsOwnSize() {
    // A 320x180 phone recording shown upright: 180x320, one rung, bitrate by its pixels.
    assertThat(described(180, 320)).containsExactly("180p 180x320@225352");
  }

  @Test
  void aMasterAboveTheTopRungGetsTheWholeLadderAndNothingBigger() {
    assertThat(Ladder.forMaster(LADDER, 7680, 4320).stream().map(Rung::name))
        .containsExactly("240p", "360p", "480p", "720p", "1080p", "1440p", "2160p");
  }

  @Test
  void bitratesFollowThePixelCountSoAFourByThreeRungCostsLessThanAWideOne() {
    // 640x480 has three quarters of 854x480's pixels: between 360p and 480p.
    Rung fourByThree = Ladder.forMaster(LADDER, 640, 480).get(2);
    assertThat(fourByThree.name()).isEqualTo("480p");
    assertThat(fourByThree.bitrate()).isBetween(800_001L, 1_399_999L);
    // No rung ever aims above the 16:9 rung of the same lines.
    for (Rung rung : Ladder.forMaster(LADDER, 1080, 1920)) {
      Rung wide = LADDER.stream().filter(r -> r.lines() == rung.lines()).findFirst().orElseThrow();
      assertThat(rung.bitrate()).isLessThanOrEqualTo(wide.bitrate());
    }
  }

  @Test
  void anOperatorsLadderIsParsedAndSortedByLines() {
    assertThat(Ladder.parse("720p:3000000, 240p:400000"))
        .containsExactly(new Rung("240p", 240, 400_000), new Rung("720p", 720, 3_000_000));
  }
}
