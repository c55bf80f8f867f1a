package dev.marquee.console.internal.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleFilesPageTest {
  @Test
  void aLanguageProblemIsShownBesideTheLanguage() {
    assertThat(TitleFilesPage.fieldOf("subtitles:subtitle", "unknown-language"))
        .isEqualTo("subtitles:subtitleLanguage");
    assertThat(TitleFilesPage.fieldOf("audio:audio", "unknown-language"))
        .isEqualTo("audio:audioLanguage");
  }

  @Test
  void aRoleProblemIsShownBesideTheRole() {
    assertThat(TitleFilesPage.fieldOf("audio:audio", "invalid-role")).isEqualTo("audio:audioRole");
  }

  @Test
  void anyOtherProblemOfTheFileIsShownBesideTheFile() {
    assertThat(TitleFilesPage.fieldOf("subtitles:subtitle", "invalid-subtitles"))
        .isEqualTo("subtitles:subtitleFile");
    assertThat(TitleFilesPage.fieldOf("audio:audio", "duration-mismatch"))
        .isEqualTo("audio:audioFile");
  }

  @Test
  void aMissingTitleIsForTheWholePage() {
    assertThat(TitleFilesPage.fieldOf("audio:audio", "title-not-found")).isNull();
  }
}
