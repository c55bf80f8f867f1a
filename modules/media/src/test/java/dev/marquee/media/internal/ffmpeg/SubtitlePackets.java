package dev.marquee.media.internal.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_ASS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MOV_TEXT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_SUBRIP;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_WEBVTT;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How each text subtitle format stores a cue in a container packet, as muxers of real masters write
 * them: SubRip and WebVTT the cue's lines; ASS in Matroska a Dialogue line without its times, after
 * a script header kept in the stream's codec private data; MP4 timed text (tx3g) the text behind
 * its 16-bit length, after a sample description with the default style.
 */
final class SubtitlePackets {
  private SubtitlePackets() {}

  static int codecId(String format) {
    return switch (format) {
      case "subrip" -> AV_CODEC_ID_SUBRIP;
      case "ass" -> AV_CODEC_ID_ASS;
      case "webvtt" -> AV_CODEC_ID_WEBVTT;
      case "mov_text" -> AV_CODEC_ID_MOV_TEXT;
      default -> throw new IllegalArgumentException("no subtitle format " + format);
    };
  }

  /** The stream's codec private data (empty when the format has none). */
  static byte[] header(String format) {
    return switch (format) {
      case "ass" -> ASS_HEADER.getBytes(StandardCharsets.UTF_8);
      case "mov_text" -> TX3G_DESCRIPTION.clone();
      default -> new byte[0];
    };
  }

  static byte[] payload(String format, int index, List<String> lines) {
    return switch (format) {
      case "subrip", "webvtt" -> String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
      case "ass" ->
          (index + ",0,Default,,0,0,0,," + String.join("\\N", lines))
              .getBytes(StandardCharsets.UTF_8);
      case "mov_text" -> timedText(String.join("\n", lines));
      default -> throw new IllegalArgumentException("no subtitle format " + format);
    };
  }

  private static byte[] timedText(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 2);
    out.write(utf8.length >> 8);
    out.write(utf8.length);
    out.writeBytes(utf8);
    return out.toByteArray();
  }

  private static final String ASS_HEADER =
      "[Script Info]\n"
          + "ScriptType: v4.00+\n"
          + "PlayResX: 384\n"
          + "PlayResY: 288\n\n"
          + "[V4+ Styles]\n"
          + "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour,"
          + " BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle,"
          + " BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
          + "Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,"
          + "10,0\n\n"
          + "[Events]\n"
          + "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n";

  /**
   * A tx3g sample description after its box header: display flags, justification, background
   * colour, default text box, and one style record (font 1, 18 px, white) with its font table.
   */
  private static final byte[] TX3G_DESCRIPTION = {
    0, 0, 0, 0, // display flags
    1, -1, // horizontal and vertical justification
    0, 0, 0, 0, // background colour RGBA
    0, 0, 0, 0, 0, 0, 0, 0, // default text box: top, left, bottom, right
    0, 0, 0, 0, // style record: start and end character
    0, 1, // font id
    0, // face style flags
    18, // font size
    -1, -1, -1, -1, // text colour RGBA
    0, 0, 0, 18, 'f', 't', 'a', 'b', // font table box
    0, 1, // one font
    0, 1, // font id
    5, 'S', 'e', 'r', 'i', 'f'
  };
}
