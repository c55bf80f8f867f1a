package dev.marquee.media.api;

import dev.marquee.media.internal.ffmpeg.FfmpegSyntheticMaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an MP4 master made of generated pictures and tones (H.264 via libx264, AAC): the demo
 * title, and test input with known properties. With {@code noise}, every frame carries fresh noise
 * over moving shapes, which is hard to encode (for benchmarks).
 */
public record SyntheticMaster(
    int width,
    int height,
    int framesPerSecond,
    double seconds,
    boolean noise,
    List<String> audioLanguages) {
  public SyntheticMaster {
    if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("width and height must be positive and even");
    }
    if (framesPerSecond <= 0 || seconds <= 0) {
      throw new IllegalArgumentException("frame rate and duration must be positive");
    }
    audioLanguages = List.copyOf(audioLanguages);
  }

  public void writeTo(Path file) throws IOException {
    FfmpegSyntheticMaster.write(this, file);
  }
}
