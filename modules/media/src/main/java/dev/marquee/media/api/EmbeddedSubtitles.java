package dev.marquee.media.api;

import dev.marquee.media.internal.ffmpeg.FfmpegSubtitleReader;
import java.nio.file.Path;
import java.util.List;

/**
 * The text subtitle streams inside a master (SubRip, MP4 timed text, ASS/SSA, WebVTT), decoded to
 * timed lines of plain text. Picture-based subtitles (DVD, Blu-ray PGS, DVB) cannot become text
 * without OCR; they are listed with no cues and {@code text} false.
 */
public final class EmbeddedSubtitles {
  private EmbeddedSubtitles() {}

  /** One cue: when it shows, in milliseconds from the start, and its lines. */
  public record Cue(long startMillis, long endMillis, List<String> lines) {
    public Cue {
      lines = List.copyOf(lines);
    }
  }

  /** A subtitle stream: its index, codec, ISO 639-2 language tag (or null) and cues. */
  public record Track(int index, String codec, String language, boolean text, List<Cue> cues) {
    public Track {
      cues = List.copyOf(cues);
    }
  }

  /**
   * Reads every subtitle stream of the file (one pass over its packets).
   *
   * @throws IllegalStateException if the file cannot be read
   */
  public static List<Track> read(Path file) {
    return FfmpegSubtitleReader.read(file.toAbsolutePath().toString());
  }
}
