package dev.marquee.media.api;

import java.util.List;

/** What a probe learned about a media file. */
public record MediaInfo(
    String container,
    double durationSeconds,
    long sizeBytes,
    List<VideoTrack> video,
    List<AudioTrack> audio,
    List<SubtitleTrack> subtitles) {
  public MediaInfo {
    video = List.copyOf(video);
    audio = List.copyOf(audio);
    subtitles = List.copyOf(subtitles);
  }

  /**
   * A video stream: codec as FFmpeg names it (h264, hevc, prores...), display rotation in degrees,
   * and the times (seconds from the stream's start) of its keyframes.
   */
  public record VideoTrack(
      int index,
      String codec,
      int width,
      int height,
      double frameRate,
      int rotationDegrees,
      long frames,
      List<Double> keyframeSeconds) {
    public VideoTrack {
      keyframeSeconds = keyframeSeconds == null ? List.of() : List.copyOf(keyframeSeconds);
    }
  }

  /** An audio stream; language is the ISO 639-2 tag of the container, or null. */
  public record AudioTrack(
      int index, String codec, int channels, int sampleRate, String language) {}

  /** A subtitle stream inside the container. */
  public record SubtitleTrack(int index, String codec, String language) {}
}
