package dev.marquee.ingest.internal.domain;

import dev.marquee.media.api.MediaHeader;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.platform.api.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How big a master this Marquee takes: picture size, frame rate, length and number of streams.
 * Checked on what the container's header declares, before FFmpeg decodes anything, and again on the
 * full probe (a header may leave a value out, or understate the length). Each refusal is its own
 * problem type, naming the value found and the limit.
 */
public record MasterLimits(
    int maxWidth, int maxHeight, double maxFrameRate, double maxDurationSeconds, int maxStreams) {
  public MasterLimits {
    if (maxWidth <= 0
        || maxHeight <= 0
        || maxFrameRate <= 0
        || maxDurationSeconds <= 0
        || maxStreams <= 0) {
      throw new IllegalArgumentException("master limits must be positive");
    }
  }

  /** The defaults: 8K pictures, 120 frames per second, six hours, 32 streams. */
  public static final MasterLimits DEFAULTS = new MasterLimits(8192, 8192, 120, 6 * 3600, 32);

  /** What the header declares; a value it leaves out (0) is checked on the full probe. */
  public void check(MediaHeader header) {
    if (header.streamCount() > maxStreams) {
      throw over(
          "too-many-streams",
          "The master has " + header.streamCount() + " streams; at most " + maxStreams + ".",
          header.streamCount(),
          maxStreams);
    }
    for (MediaHeader.Video video : header.video()) {
      checkPicture(video.width(), video.height());
      checkFrameRate(video.frameRate());
    }
    checkDuration(header.durationSeconds());
  }

  /** The full probe: the same limits, and the length the video's frames actually run. */
  public void check(MediaInfo media) {
    int streams = media.video().size() + media.audio().size() + media.subtitles().size();
    check(
        new MediaHeader(
            media.container(),
            media.durationSeconds(),
            streams,
            media.video().stream()
                .map(
                    v ->
                        new MediaHeader.Video(
                            v.index(), v.codec(), v.width(), v.height(), v.frameRate()))
                .toList()));
    for (MediaInfo.VideoTrack video : media.video()) {
      if (video.frameRate() > 0) {
        checkDuration(video.frames() / video.frameRate());
      }
    }
  }

  private void checkPicture(int width, int height) {
    if (width > maxWidth || height > maxHeight) {
      throw over(
          "resolution-over-limit",
          "The video is "
              + width
              + "x"
              + height
              + " pixels; this Marquee takes at most "
              + maxWidth
              + "x"
              + maxHeight
              + ".",
          width + "x" + height,
          maxWidth + "x" + maxHeight);
    }
  }

  private void checkFrameRate(double frameRate) {
    if (frameRate > maxFrameRate) {
      throw over(
          "frame-rate-over-limit",
          "The video runs at "
              + round(frameRate)
              + " frames per second; this Marquee takes at most "
              + round(maxFrameRate)
              + ".",
          round(frameRate),
          round(maxFrameRate));
    }
  }

  private void checkDuration(double seconds) {
    if (seconds > maxDurationSeconds) {
      throw over(
          "duration-over-limit",
          "The master lasts "
              + round(seconds)
              + " s; this Marquee takes at most "
              + round(maxDurationSeconds)
              + " s.",
          round(seconds),
          round(maxDurationSeconds));
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static ProblemException over(String type, String detail, Object found, Object limit) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("found", found);
    members.put("limit", limit);
    return new ProblemException(422, type, "Master rejected", detail, members);
  }
}
