package dev.marquee.media.api;

import dev.marquee.media.internal.ffmpeg.FfmpegSyntheticMaster;
import java.io.IOException;
import java.nio.file.Path;
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
    String videoEncoder) {
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

  public SyntheticMaster {
    if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("width and height must be positive and even");
    }
    if (framesPerSecond <= 0 || seconds <= 0) {
      throw new IllegalArgumentException("frame rate and duration must be positive");
    }
    audioLanguages = List.copyOf(audioLanguages);
    if (!videoEncoder.equals("libx264") && !videoEncoder.equals("mjpeg")) {
      throw new IllegalArgumentException("videoEncoder must be libx264 or mjpeg (MOV)");
    }
  }

  public void writeTo(Path file) throws IOException {
    FfmpegSyntheticMaster.write(this, file);
  }
}
