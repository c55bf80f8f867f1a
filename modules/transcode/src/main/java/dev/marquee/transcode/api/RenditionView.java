package dev.marquee.transcode.api;

import java.util.List;

/**
 * A playable track of a published title and its segment index ({@code frameRate} is null for
 * audio). Times are in {@code timescale} ticks; keys are object storage keys (immutable, cacheable
 * anywhere) with a {@code {scheme}} placeholder: the segments are stored once per Common Encryption
 * scheme in {@code schemes}, encrypted with the content key {@code keyId}. An audio rendition's
 * {@code role} is {@code main} or {@code description} (audio description); video's is {@code main}.
 */
public record RenditionView(
    String name,
    String kind,
    Integer width,
    Integer height,
    String language,
    String role,
    String codecs,
    int timescale,
    Double frameRate,
    long targetBitrate,
    long averageBandwidth,
    long peakBandwidth,
    String initKey,
    String keyId,
    List<String> schemes,
    List<SegmentView> segments) {

  /** Whether this is an audio description track. */
  public boolean describesVideo() {
    return "description".equals(role);
  }

  /** A video rendition's lines: its short side (1080 for 1920x1080 and for 1080x1920). */
  public int lines() {
    return Math.min(width, height);
  }

  /** The placeholder in object keys that stands for the scheme. */
  public static final String SCHEME = "{scheme}";

  /** An object key of this rendition for one scheme. */
  public static String forScheme(String key, String scheme) {
    return key.replace(SCHEME, scheme);
  }

  /** One media segment. */
  public record SegmentView(int index, long startTime, int duration, int sizeBytes, String key) {}
}
