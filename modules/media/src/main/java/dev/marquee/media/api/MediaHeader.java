package dev.marquee.media.api;

import java.util.List;

/**
 * What a container's header declares, read before any packet is decoded: enough to refuse a file
 * over a limit before FFmpeg spends memory and time on it. A value the header does not give is 0.
 */
public record MediaHeader(
    String container, double durationSeconds, int streamCount, List<Video> video) {
  public MediaHeader {
    video = List.copyOf(video);
  }

  /** A video stream as declared: picture size and frame rate (0 when not declared). */
  public record Video(int index, String codec, int width, int height, double frameRate) {}
}
