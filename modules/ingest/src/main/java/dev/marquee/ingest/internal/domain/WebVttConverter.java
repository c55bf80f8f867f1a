package dev.marquee.ingest.internal.domain;

import dev.marquee.platform.api.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SRT or WebVTT subtitles and writes WebVTT, the format HLS and DASH players load. Every cue
 * is checked (timestamps, end after start, some text); a problem names the line it is on.
 */
public final class WebVttConverter {
  private static final Pattern TIMING =
      Pattern.compile(
          "^\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{3})(.*)$");

  private WebVttConverter() {}

  /** One cue: times in milliseconds and its text lines. */
  public record Cue(long startMillis, long endMillis, String settings, List<String> lines) {}

  /** The cues of a WebVTT or SRT document. */
  public static List<Cue> parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    boolean vtt = lines.length > 0 && lines[0].startsWith("WEBVTT");
    List<Cue> cues = new ArrayList<>();
    int i = vtt ? 1 : 0;
    while (i < lines.length) {
      if (lines[i].isBlank()) {
        i++;
        continue;
      }
      if (vtt
          && (lines[i].startsWith("NOTE")
              || lines[i].startsWith("STYLE")
              || lines[i].startsWith("REGION"))) {
        while (i < lines.length && !lines[i].isBlank()) {
          i++;
        }
        continue;
      }
      Matcher timing = TIMING.matcher(lines[i]);
      if (!timing.matches() && i + 1 < lines.length) {
        i++; // a cue identifier (SRT numbers, optional WebVTT ids)
        timing = TIMING.matcher(lines[i]);
      }
      if (!timing.matches()) {
        throw invalid(
            "line " + (i + 1) + " should be a cue timing like 00:00:01,000 --> 00:00:02,500");
      }
      int timingLine = i + 1;
      long start = millis(timing.group(1), timingLine);
      long end = millis(timing.group(2), timingLine);
      if (end <= start) {
        throw invalid("the cue on line " + timingLine + " ends before it starts");
      }
      i++;
      List<String> textLines = new ArrayList<>();
      while (i < lines.length && !lines[i].isBlank()) {
        textLines.add(lines[i]);
        i++;
      }
      if (textLines.isEmpty()) {
        throw invalid("the cue on line " + timingLine + " has no text");
      }
      cues.add(new Cue(start, end, vtt ? timing.group(3).strip() : "", textLines));
    }
    if (cues.isEmpty()) {
      throw invalid("the file holds no cues");
    }
    return cues;
  }

  public static String toWebVtt(List<Cue> cues) {
    StringBuilder out = new StringBuilder("WEBVTT\n\n");
    for (Cue cue : cues) {
      out.append(format(cue.startMillis())).append(" --> ").append(format(cue.endMillis()));
      if (!cue.settings().isEmpty()) {
        out.append(' ').append(cue.settings());
      }
      out.append('\n');
      cue.lines().forEach(line -> out.append(line).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }

  private static long millis(String stamp, int line) {
    String[] parts = stamp.replace(',', '.').split("[:.]");
    long hours = parts.length == 4 ? Long.parseLong(parts[0]) : 0;
    int o = parts.length == 4 ? 1 : 0;
    long minutes = Long.parseLong(parts[o]);
    long seconds = Long.parseLong(parts[o + 1]);
    long millis = Long.parseLong(parts[o + 2]);
    if (minutes > 59 || seconds > 59) {
      throw invalid("line " + line + " has a timestamp with more than 59 minutes or seconds");
    }
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  }

  private static String format(long millis) {
    return "%02d:%02d:%02d.%03d"
        .formatted(millis / 3_600_000, (millis / 60_000) % 60, (millis / 1000) % 60, millis % 1000);
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest(
        "invalid-subtitles", "The subtitles are not valid SRT or WebVTT: " + detail + ".");
  }
}
