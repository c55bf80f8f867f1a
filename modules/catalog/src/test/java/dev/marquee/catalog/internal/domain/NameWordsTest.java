package dev.marquee.catalog.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameWordsTest {
  @Test
  void oneWordOfAsciiLettersAndDigitsIsSearchedByWord() {
    assertThat(NameWords.applies("godfater")).isTrue();
    assertThat(NameWords.applies("r2d2")).isTrue();
    assertThat(NameWords.applies("part ii")).isFalse();
    assertThat(NameWords.applies("spider-man")).isFalse();
    assertThat(NameWords.applies("amélie")).isFalse();
    assertThat(NameWords.applies("sil%")).isFalse();
    assertThat(NameWords.applies("Godfather")).isFalse();
    assertThat(NameWords.applies("")).isFalse();
    assertThat(NameWords.applies(null)).isFalse();
  }

  @Test
  void aPrefixsWordsEndBeforeTheTextWithItsLastCharacterIncremented() {
    assertThat(NameWords.end("sil")).isEqualTo("sim");
    assertThat(NameWords.end("godz")).isEqualTo("god{");
    assertThat(NameWords.end("a9")).isEqualTo("a:");
    for (String word : List.of("sil", "silent", "silver", "sil9", "silz")) {
      assertThat(word.compareTo("sil")).isNotNegative();
      assertThat(word.compareTo(NameWords.end("sil"))).isNegative();
    }
    for (String word : List.of("sik", "sim", "simple", "si")) {
      assertThat(word.compareTo("sil") >= 0 && word.compareTo(NameWords.end("sil")) < 0)
          .as(word)
          .isFalse();
    }
    assertThatThrownBy(() -> NameWords.end("part ii")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPrefixScoresExactlyNineTenthsOnlyWhenTooFewOfItsTrigramsAreInAnyName() {
    // "sil" has 4 trigrams; no word ends in "il": at most 3 of 4 in a name, similarity <= 0.75.
    assertThat(NameWords.prefixScoreIsFixed(3, 4)).isTrue();
    // All of them somewhere (a word ending in "il", "Foil Silent"): the similarity may reach 1.
    assertThat(NameWords.prefixScoreIsFixed(4, 4)).isFalse();
    // 9 of 10 is at most 0.9 exactly; 10 of 11 could pass it.
    assertThat(NameWords.prefixScoreIsFixed(9, 10)).isTrue();
    assertThat(NameWords.prefixScoreIsFixed(10, 11)).isFalse();
    assertThat(NameWords.prefixScoreIsFixed(0, 0)).isFalse();
  }

  @Test
  void onlyANameWithAWordEndingAsTheTextDoesMayScoreAboveNineTenths() {
    // "sile": 5 trigrams, the last "le "; a name without it holds at most 4 of 5 (0.8).
    String pattern = NameWords.lastTrigramPattern("sile", 5);
    assertThat(pattern).isEqualTo("le([^a-z0-9]|$)");
    for (String name : List.of("silent castle", "silent castle-rock", "castle's silent", "le")) {
      assertThat(name).as(name).containsPattern(pattern);
    }
    for (String name : List.of("silent star", "silent lens", "silent")) {
      assertThat(name).as(name).doesNotContainPattern(pattern);
    }
    // 10 trigrams: 9 of 10 is at most 0.9; with 11, 10 of 11 passes it, so it does not decide.
    assertThat(NameWords.lastTrigramPattern("abcdefghi", 10)).isNotNull();
    assertThat(NameWords.lastTrigramPattern("abcdefghij", 11)).isNull();
    assertThat(NameWords.lastTrigramPattern("s", 2)).isNull();
    assertThat(NameWords.lastTrigramPattern("part ii", 6)).isNull();
  }
}
