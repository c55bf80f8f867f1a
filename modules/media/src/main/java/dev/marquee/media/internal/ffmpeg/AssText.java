package dev.marquee.media.internal.ffmpeg;

/**
 * The words of a decoded subtitle event. FFmpeg's text subtitle decoders all hand out ASS dialogue
 * ({@code ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text}); the text field may hold
 * override tags in braces and {@code \N} line breaks.
 */
final class AssText {
  private static final int FIELDS_BEFORE_TEXT = 8;

  private AssText() {}

  static String plain(String dialogue) {
    String text = dialogue;
    int commas = 0;
    for (int i = 0; i < dialogue.length() && commas < FIELDS_BEFORE_TEXT; i++) {
      if (dialogue.charAt(i) == ',' && ++commas == FIELDS_BEFORE_TEXT) {
        text = dialogue.substring(i + 1);
      }
    }
    return text.replaceAll("\\{[^}]*}", "")
        .replace("\\N", "\n")
        .replace("\\n", "\n")
        .replace("\\h", " ")
        .strip();
  }
}
