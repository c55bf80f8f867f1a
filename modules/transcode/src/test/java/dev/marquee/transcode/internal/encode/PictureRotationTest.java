package dev.marquee.transcode.internal.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PictureRotationTest {
  // 3 wide, 2 tall:  a b c
  //                  d e f
  private static final byte[] PLANE = {'a', 'b', 'c', 'd', 'e', 'f'};

  @Test
  void aQuarterTurnClockwisePutsTheLeftColumnOnTop() {
    // 2 wide, 3 tall:  d a
    //                  e b
    //                  f c
    assertThat(new String(PictureRotation.turn(PLANE, 3, 2, 90))).isEqualTo("daebfc");
  }

  @Test
  void aHalfTurnReadsThePictureBackwards() {
    assertThat(new String(PictureRotation.turn(PLANE, 3, 2, 180))).isEqualTo("fedcba");
  }

  @Test
  void threeQuarterTurnsPutTheRightColumnOnTop() {
    // c f
    // b e
    // a d
    assertThat(new String(PictureRotation.turn(PLANE, 3, 2, 270))).isEqualTo("cfbead");
  }

  @Test
  void sidewaysTurnsSwapWidthAndHeight() {
    assertThat(PictureRotation.turnedSize(640, 360, 90)).containsExactly(360, 640);
    assertThat(PictureRotation.turnedSize(640, 360, 180)).containsExactly(640, 360);
    assertThat(PictureRotation.turnedSize(640, 360, 270)).containsExactly(360, 640);
  }

  @Test
  void onlyQuarterTurnsAreAccepted() {
    assertThatThrownBy(() -> PictureRotation.turn(PLANE, 3, 2, 45))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChunkSpec(0, 0, 50, 25, 1, 45))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
