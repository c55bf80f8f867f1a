package dev.marquee.catalog.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  void wordsAreGroupedByScoreBestFirst() {
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("godfather", 0.75);
    scores.put("goodfellas", 0.6);
    scores.put("godmother", 0.75);
    scores.put("godf", 0.9);

    List<NameWords.Tier> tiers = NameWords.tiers(scores);

    assertThat(tiers).extracting(NameWords.Tier::score).containsExactly(0.9, 0.75, 0.6);
    assertThat(tiers.get(0).words()).containsExactly("godf");
    assertThat(tiers.get(1).words()).containsExactlyInAnyOrder("godfather", "godmother");
    assertThat(tiers.get(2).words()).containsExactly("goodfellas");
    assertThat(NameWords.tiers(Map.of())).isEmpty();
  }
}
