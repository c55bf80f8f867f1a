package dev.marquee.media.testing;

import dev.marquee.media.api.EmbeddedSubtitles;
import dev.marquee.media.internal.ffmpeg.FfmpegSyntheticMaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a master made of generated pictures and tones (H.264 via libx264 in MP4, or Motion JPEG in
 * MOV for an unsupported codec; AAC audio, one track per language): the demo title, and test input
 * with known properties. With {@code noise}, every frame carries fresh noise over moving shapes,
 * which is hard to encode (for benchmarks).
 */
public record SyntheticMaster(
    int width,
    int height,
    int framesPerSecond,
    double seconds,
    boolean noise,
    List<String> audioLanguages,
    String videoEncoder,
    int rotationDegrees,
    List<Subtitles> subtitles) {
  /**
   * A subtitle stream to put inside the master, in one of the text formats masters carry: {@code
   * subrip}, {@code ass} or {@code webvtt} (Matroska masters), {@code mov_text} (MP4 timed text).
   */
  public record Subtitles(String language, List<EmbeddedSubtitles.Cue> cues, String format) {
    public static final List<String> FORMATS = List.of("subrip", "ass", "webvtt", "mov_text");

    public Subtitles {
      cues = List.copyOf(cues);
      if (!FORMATS.contains(format)) {
        throw new IllegalArgumentException("subtitle format must be one of " + FORMATS);
      }
    }
  }

  /** An H.264 (libx264) master in MP4. */
  public SyntheticMaster(
      int width,
      int height,
      int framesPerSecond,
      double seconds,
      boolean noise,
      List<String> audioLanguages) {
    this(width, height, framesPerSecond, seconds, noise, audioLanguages, "libx264");
  }

  /** A master in the given codec, stored upright. */
  public SyntheticMaster(
      int width,
      int height,
      int framesPerSecond,
      double seconds,
      boolean noise,
      List<String> audioLanguages,
      String videoEncoder) {
    this(
        width, height, framesPerSecond, seconds, noise, audioLanguages, videoEncoder, 0, List.of());
  }

  /**
   * The same master stored with a display rotation (clockwise degrees, as a phone records a
   * portrait video: landscape pixels and a rotation for the player).
   */
  public SyntheticMaster rotated(int degrees) {
    return new SyntheticMaster(
        width,
        height,
        framesPerSecond,
        seconds,
        noise,
        audioLanguages,
        videoEncoder,
        degrees,
        subtitles);
  }

  /**
   * The same master with one more SubRip subtitle stream; it must then be written to a {@code .mkv}
   * file (Matroska carries SubRip as it is).
   */
  public SyntheticMaster withSubtitles(String language, List<EmbeddedSubtitles.Cue> cues) {
    return withSubtitles(language, cues, "subrip");
  }

  /**
   * The same master with one more subtitle stream in {@code format} (see {@link Subtitles}): an MP4
   * master carries only {@code mov_text}, a Matroska one the others.
   */
  public SyntheticMaster withSubtitles(
      String language, List<EmbeddedSubtitles.Cue> cues, String format) {
    List<Subtitles> more = new ArrayList<>(subtitles);
    more.add(new Subtitles(language, cues, format));
    return new SyntheticMaster(
        width,
        height,
        framesPerSecond,
        seconds,
        noise,
        audioLanguages,
        videoEncoder,
        rotationDegrees,
        more);
  }

  public SyntheticMaster {
    if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("width and height must be positive and even");
    }
    if (framesPerSecond <= 0 || seconds <= 0) {
      throw new IllegalArgumentException("frame rate and duration must be positive");
    }
    audioLanguages = List.copyOf(audioLanguages);
    subtitles = List.copyOf(subtitles);
    if (!videoEncoder.equals("libx264") && !videoEncoder.equals("mjpeg")) {
      throw new IllegalArgumentException("videoEncoder must be libx264 or mjpeg (MOV)");
    }
    if (rotationDegrees != 0
        && rotationDegrees != 90
        && rotationDegrees != 180
        && rotationDegrees != 270) {
      throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270");
    }
  }

  /**
   * Writes the master in the container its name says: {@code .mkv} Matroska, {@code .ts} MPEG-TS (a
   * container Marquee refuses, for tests), anything else MP4.
   */
  public void writeTo(Path file) throws IOException {
    FfmpegSyntheticMaster.write(this, file);
  }
}
