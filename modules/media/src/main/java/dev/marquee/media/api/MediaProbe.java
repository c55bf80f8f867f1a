package dev.marquee.media.api;

import dev.marquee.media.internal.ffmpeg.FfmpegProbe;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Probes a file with FFmpeg's libraries, in process: container, duration, every stream, and a read
 * of every packet so that a truncated or corrupt file is caught before it is accepted. The file is
 * streamed, never loaded into memory. Only {@linkplain AcceptedContainers accepted containers} are
 * opened.
 */
public final class MediaProbe {
  private MediaProbe() {}

  /** Probes a master: one of {@link AcceptedContainers#MASTERS}. */
  public static MediaInfo probe(Path file) throws MediaProbeException {
    return probe(file, AcceptedContainers.MASTERS, header -> {});
  }

  /**
   * Probes a file in one of the {@code accepted} containers. {@code beforeReading} sees what the
   * header declares as soon as the container is open, before any packet is decoded, and again once
   * FFmpeg has analysed the streams, before every packet is read; whatever it throws ends the probe
   * (the file is closed) and reaches the caller.
   */
  public static MediaInfo probe(
      Path file, AcceptedContainers accepted, Consumer<MediaHeader> beforeReading)
      throws MediaProbeException {
    return FfmpegProbe.probe(file, accepted, beforeReading);
  }
}
