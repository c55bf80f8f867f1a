package dev.marquee.playback.internal.manifest;

import dev.marquee.transcode.api.RenditionView;
import java.util.List;
import java.util.function.Function;

/**
 * What a session's manifests are made of.
 *
 * @param video the video renditions this session may play, lowest first
 * @param audio every audio rendition of the title
 * @param subtitles every subtitle file of the title, with its signed origin URL
 * @param thumbnails the title's trick-play thumbnail sheets, or null if it has none
 * @param scheme {@code cenc} (DASH) or {@code cbcs} (HLS)
 * @param originQuery the signed query ({@code exp=..&sig=..}) that opens the title's segments
 * @param licenceUrl the ClearKey licence URL (with a URL ticket when the player sends no headers)
 * @param hlsKeyUrl the HLS key URL of a key id (with a URL ticket when the player sends no headers)
 */
public record ManifestInput(
    List<RenditionView> video,
    List<RenditionView> audio,
    List<Subtitle> subtitles,
    RenditionView thumbnails,
    String scheme,
    String originQuery,
    String licenceUrl,
    Function<String, String> hlsKeyUrl) {

  /**
   * A WebVTT subtitle file: one for the whole title.
   *
   * @param language as the creator gave it (ISO 639-1 or 639-2)
   * @param url the signed origin URL of the file
   */
  public record Subtitle(String language, String url) {
    /** The name of its HLS media playlist. */
    public String name() {
      return "subtitles-" + language;
    }
  }

  /** The object key of a segment or init segment, as an origin URL with the signature. */
  String url(String objectKeyTemplate) {
    return "/api/origin/" + RenditionView.forScheme(objectKeyTemplate, scheme) + "?" + originQuery;
  }

  /** Presentation length in seconds, from the longest rendition's segment index. */
  double durationSeconds() {
    double longest = 0;
    for (RenditionView r : video) {
      longest = Math.max(longest, seconds(r));
    }
    for (RenditionView r : audio) {
      longest = Math.max(longest, seconds(r));
    }
    return longest;
  }

  static double seconds(RenditionView r) {
    long ticks = 0;
    for (RenditionView.SegmentView s : r.segments()) {
      ticks = Math.max(ticks, s.startTime() + s.duration());
    }
    return (double) ticks / r.timescale();
  }
}
