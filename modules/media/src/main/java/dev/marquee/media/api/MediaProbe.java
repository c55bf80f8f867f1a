package dev.marquee.media.api;

import dev.marquee.media.internal.ffmpeg.FfmpegProbe;
import java.nio.file.Path;

/**
 * Probes a file with FFmpeg's libraries, in process: container, duration, every stream, and a read
 * of every packet so that a truncated or corrupt file is caught before it is accepted. The file is
 * streamed, never loaded into memory.
 */
public final class MediaProbe {
  private MediaProbe() {}

  public static MediaInfo probe(Path file) throws MediaProbeException {
    return FfmpegProbe.probe(file);
  }
}
