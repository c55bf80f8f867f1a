package dev.marquee.catalog.internal.domain;

/**
 * The rules of searching by the words of title names ({@code catalog.title_words}, words split at
 * spaces): which texts take this path, the key range that holds a prefix's words, and when the
 * score of a title matched by a word prefix is 0.9 without computing its similarity.
 */
public final class NameWords {
  private NameWords() {}

  /**
   * Whether a (lower-cased) text is one word of ASCII letters and digits: those are searched by
   * word; anything else (several words, punctuation, other scripts) by the whole name.
   */
  public static boolean applies(String text) {
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
  public static String end(String text) {
    if (!applies(text)) {
      throw new IllegalArgumentException("not one word of ASCII letters and digits: " + text);
    }
    char last = text.charAt(text.length() - 1);
    return text.substring(0, text.length() - 1) + (char) (last + 1);
  }

  /**
   * Whether every title that a word prefix matches (and whose name does not start with the text)
   * scores exactly 0.9, the word-prefix score, so that its word similarity need not be computed.
   * The similarity is at most the share of the text's trigrams that the name holds; when some of
   * the text's trigrams are in no word of any name, that share cannot pass 0.9.
   *
   * @param present how many of the text's distinct trigrams some word of some name has
   * @param trigrams how many distinct trigrams the text has
   */
  public static boolean prefixScoreIsFixed(int present, int trigrams) {
    return trigrams > 0 && 10L * present <= 9L * trigrams;
  }

  /**
   * A regular expression (on the lower-cased name) that every name holding the text's last trigram
   * matches, when that trigram alone decides whether a title a word prefix matched may score above
   * 0.9; null when it does not decide it. Such a name has a word starting with the text, so it
   * holds all the text's trigrams but perhaps the last one, its last two characters ending a word
   * ("le " for "sile"). Without it the similarity is at most (n - 1) / n for n trigrams: 0.9 or
   * less when n is at most 10. The pattern only asks that the two characters be followed by
   * something other than an ASCII letter or digit, or by the end: a superset of pg_trgm's word
   * ends, so a name it rejects never holds that trigram.
   *
   * @param trigrams how many distinct trigrams the text has
   */
  public static String lastTrigramPattern(String text, int trigrams) {
    if (!applies(text) || text.length() < 2 || trigrams > 10) {
      return null;
    }
    return text.substring(text.length() - 2) + "([^a-z0-9]|$)";
  }
}
