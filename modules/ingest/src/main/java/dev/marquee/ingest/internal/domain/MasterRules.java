package dev.marquee.ingest.internal.domain;

import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbeException;
import dev.marquee.media.api.UnsupportedContainerException;
import dev.marquee.platform.api.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What Marquee accepts as a master, beyond being readable media. */
public final class MasterRules {
  /** Codecs the transcoder decodes well; anything else is refused up front. */
  public static final Set<String> VIDEO_CODECS =
      Set.of("h264", "hevc", "prores", "mpeg2video", "vp9", "av1", "dnxhd", "mpeg4");

  private MasterRules() {}

  public static void check(MediaInfo media) {
    if (media.video().isEmpty()) {
      throw rejected("not-a-video", "The file has no video stream.");
    }
    MediaInfo.VideoTrack video = media.video().get(0);
    if (!VIDEO_CODECS.contains(video.codec())) {
      throw rejected(
          "unsupported-codec",
          "Video codec "
              + video.codec()
              + " is not supported; use one of "
              + String.join(", ", new TreeSet<>(VIDEO_CODECS))
              + ".");
    }
    if (media.durationSeconds() <= 0 || video.frames() == 0) {
      throw rejected("zero-duration", "The master has no duration (no video frames).");
    }
    if (video.width() <= 0 || video.height() <= 0) {
      throw rejected("not-a-video", "The video stream has no picture size.");
    }
  }

  /**
   * A probe's refusal as a problem: {@code unsupported-container} (naming the container found and
   * the ones accepted), {@code not-a-video} or {@code corrupt-master}.
   */
  public static ProblemException rejected(MediaProbeException e) {
    if (e instanceof UnsupportedContainerException unsupported) {
      Map<String, Object> members = new LinkedHashMap<>();
      members.put("container", unsupported.container());
      members.put("accepted", unsupported.accepted().demuxers());
      return new ProblemException(
          422, "unsupported-container", "Master rejected", e.getMessage(), members);
    }
    return rejected(
        e.reason() == MediaProbeException.Reason.NOT_MEDIA ? "not-a-video" : "corrupt-master",
        e.getMessage());
  }

  public static ProblemException rejected(String type, String detail) {
    return new ProblemException(422, type, "Master rejected", detail);
  }
}
