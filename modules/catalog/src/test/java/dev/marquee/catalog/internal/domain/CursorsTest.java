package dev.marquee.catalog.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.marquee.platform.api.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorsTest {
  private static String encoded(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aCursorLeadsToTheNextPageAndNoCursorIsTheFirst() {
    assertThat(Cursors.offset(null)).isZero();
    assertThat(Cursors.offset(" ")).isZero();
    assertThat(Cursors.offset(Cursors.next(0, 20, 100))).isEqualTo(20);
    assertThat(Cursors.offset(Cursors.next(40, 20, 100))).isEqualTo(60);
  }

  @Test
  void theLastPageHasNoNextCursor() {
    assertThat(Cursors.next(80, 20, 100)).isNull();
    assertThat(Cursors.next(90, 20, 100)).isNull();
  }

  @Test
  void pagingStopsAtTheDeepestOffsetEvenWhenMoreMatch() {
    assertThat(Cursors.offset(Cursors.next(Cursors.MAX_OFFSET - 20, 20, 1_000_000)))
        .isEqualTo(Cursors.MAX_OFFSET);
    assertThat(Cursors.next(Cursors.MAX_OFFSET, 20, 1_000_000)).isNull();
  }

  @Test
  void aCursorThisServerDidNotGiveOutIsRefused() {
    for (String forged :
        new String[] {
          "not-a-cursor", encoded("o:-5"), encoded("o:" + (Cursors.MAX_OFFSET + 1)), encoded("x:20")
        }) {
      ProblemException e =
          catchThrowableOfType(() -> Cursors.offset(forged), ProblemException.class);
      assertThat(e).as(forged).isNotNull();
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.type()).isEqualTo("invalid-cursor");
    }
  }
}
