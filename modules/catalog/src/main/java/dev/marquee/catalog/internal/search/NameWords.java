package dev.marquee.catalog.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of searching by the distinct words of title names ({@code catalog.title_words}, words
 * split at spaces): which texts take this path, the key range that holds a prefix's words, and how
 * the words that matched, each with its score, become the score of a title.
 *
 * <p>A word scores the greater of its trigram word similarity to the text and 0.9 when it starts
 * with the text. A title scores 1.0 when its name starts with the text, else its best word's score:
 * the same meaning as scoring the whole name.
 */
final class NameWords {
  private NameWords() {}

  /**
   * Whether a (lower-cased) text is one word of ASCII letters and digits: those are searched by
   * word; anything else (several words, punctuation, other scripts) by the whole name.
   */
  static boolean applies(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first key after every word that starts with {@code text}, in byte order ("sil" -> "sim",
   * "a9" -> "a:"): words starting with the text are those from the text up to it, excluded.
   */
  static String end(String text) {
    if (!applies(text)) {
      throw new IllegalArgumentException("not one word of ASCII letters and digits: " + text);
    }
    char last = text.charAt(text.length() - 1);
    return text.substring(0, text.length() - 1) + (char) (last + 1);
  }

  /**
   * The matched words grouped by score, best first: a title scores the first group's score whose
   * words it has.
   *
   * @param scores every matched word and its score
   */
  static List<Tier> tiers(Map<String, Double> scores) {
    Map<Double, List<String>> byScore = new LinkedHashMap<>();
    scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(
            e -> byScore.computeIfAbsent(e.getValue(), s -> new ArrayList<>()).add(e.getKey()));
    List<Tier> tiers = new ArrayList<>();
    byScore.forEach((score, words) -> tiers.add(new Tier(score, words.toArray(String[]::new))));
    return tiers;
  }

  /** Words that give a title the same score. */
  record Tier(double score, String[] words) {}
}
