package dev.marquee.transcode.api;

import java.util.List;

/**
 * A playable track of a published title and its segment index. Times are in {@code timescale}
 * ticks; keys are object storage keys (immutable, cacheable anywhere).
 */
public record RenditionView(
    String name,
    String kind,
    Integer width,
    Integer height,
    String language,
    String codecs,
    int timescale,
    long targetBitrate,
    long averageBandwidth,
    long peakBandwidth,
    String initKey,
    List<SegmentView> segments) {

  /** One media segment. */
  public record SegmentView(int index, long startTime, int duration, int sizeBytes, String key) {}
}
