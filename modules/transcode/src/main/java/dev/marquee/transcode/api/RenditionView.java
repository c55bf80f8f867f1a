package dev.marquee.transcode.api;

import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;

/**
 * A playable track of a published title and its segment index ({@code frameRate} is null for
 * audio). Times are in {@code timescale} ticks; keys are object storage keys (immutable, cacheable
 * anywhere) with a {@code {scheme}} placeholder: the segments are stored once per Common Encryption
 * scheme in {@code schemes}, encrypted with the content key {@code keyId}. An audio rendition's
 * {@code role} is {@code main} or {@code description} (audio description); video's is {@code main}.
 * Trick-play thumbnails are a rendition of kind {@code IMAGE}: its segments are JPEG sprite sheets
 * of {@code width x height} (not encrypted, no init segment, no schemes) laid out as {@code tiles}
 * says; other kinds have no {@code tiles}.
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
    List<SegmentView> segments,
    Tiles tiles) {

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

  /** Whether this is a rung of the video ladder. */
  @JsonbTransient
  public boolean isVideo() {
    return "VIDEO".equals(kind);
  }

  /** Whether this is an audio track. */
  @JsonbTransient
  public boolean isAudio() {
    return "AUDIO".equals(kind);
  }

  /** Whether these are trick-play thumbnails. */
  @JsonbTransient
  public boolean isImage() {
    return "IMAGE".equals(kind);
  }

  /**
   * A thumbnail sheet's grid: {@code columns x rows} tiles, each standing for {@code duration}
   * ticks, drawn left to right and top to bottom (a short last sheet leaves the rest blank).
   */
  public record Tiles(int columns, int rows, int duration) {
    /** The grid as DASH's thumbnail_tile property and HLS's LAYOUT write it, e.g. {@code 5x5}. */
    public String layout() {
      return columns + "x" + rows;
    }
  }

  /** One media segment. */
  public record SegmentView(int index, long startTime, int duration, int sizeBytes, String key) {}
}
