package dev.marquee.catalog.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.api.ProblemException;
import org.junit.jupiter.api.Test;

class ArtworkKindTest {
  @Test
  void aPictureIsNamedInAnyCase() {
    assertThat(ArtworkKind.of("poster")).isEqualTo(ArtworkKind.POSTER);
    assertThat(ArtworkKind.of("BackDrop")).isEqualTo(ArtworkKind.BACKDROP);
  }

  @Test
  void anotherNameIsNoArtwork() {
    assertThatThrownBy(() -> ArtworkKind.of("thumbnail"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.type()).isEqualTo("artwork-not-found");
            });
  }
}
