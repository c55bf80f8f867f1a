package dev.marquee.transcode.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/**
 * One track of a title: a video rung, an audio language, or its trick-play thumbnails (sprite
 * sheets of tiles, no init segment, not encrypted).
 */
@Entity
@Table(name = "renditions", schema = "transcode")
public class Rendition {
  /** Video, audio or thumbnail images. */
  public enum Kind {
    VIDEO,
    AUDIO,
    IMAGE
  }

  @Id private UUID id;

  @Column(name = "title_id")
  private UUID titleId;

  @Column(name = "job_id")
  private UUID jobId;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private String name;
  private Integer width;
  private Integer height;
  private String language;
  private String codecs;
  private int timescale;

  @Column(name = "target_bitrate")
  private long targetBitrate;

  @Column(name = "average_bandwidth")
  private long averageBandwidth;

  @Column(name = "peak_bandwidth")
  private long peakBandwidth;

  @Column(name = "init_key")
  private String initKey;

  @Column(name = "segment_count")
  private int segmentCount;

  @Column(name = "key_id")
  private UUID keyId;

  /** Comma-separated Common Encryption schemes the rendition is stored in, e.g. cenc,cbcs. */
  private String schemes = "";

  /** {@code main}, or {@code description} for an audio description track. */
  private String role = "main";

  /** Thumbnails: tiles per row of a sheet. */
  @Column(name = "tile_columns")
  private Integer tileColumns;

  /** Thumbnails: tiles per column of a sheet. */
  @Column(name = "tile_rows")
  private Integer tileRows;

  /** Thumbnails: how long each tile stands for, in timescale ticks. */
  @Column(name = "tile_duration")
  private Integer tileDuration;

  protected Rendition() {}

  @SuppressWarnings("checkstyle:ParameterNumber")
  public Rendition(
      UUID titleId,
      UUID jobId,
      Kind kind,
      String name,
      Integer width,
      Integer height,
      String language,
      String codecs,
      int timescale,
      long targetBitrate,
      long averageBandwidth,
      long peakBandwidth,
      String initKey,
      int segmentCount) {
    this.id = UUID.randomUUID();
    this.titleId = titleId;
    this.jobId = jobId;
    this.kind = kind;
    this.name = name;
    this.width = width;
    this.height = height;
    this.language = language;
    this.codecs = codecs;
    this.timescale = timescale;
    this.targetBitrate = targetBitrate;
    this.averageBandwidth = averageBandwidth;
    this.peakBandwidth = peakBandwidth;
    this.initKey = initKey;
    this.segmentCount = segmentCount;
  }

  /** Records the content key id and the schemes the rendition's segments are encrypted with. */
  public Rendition protectedBy(UUID keyId, String schemes) {
    this.keyId = keyId;
    this.schemes = schemes;
    return this;
  }

  /** Marks an audio rendition as the main audio or audio description. */
  public Rendition withRole(String role) {
    this.role = role;
    return this;
  }

  /** Records the bandwidth measured once every segment is made (thumbnail sheets). */
  public Rendition measured(long average, long peak) {
    this.targetBitrate = average;
    this.averageBandwidth = average;
    this.peakBandwidth = peak;
    return this;
  }

  /** Records a thumbnail track's grid and the time each of its tiles stands for. */
  public Rendition tiled(int columns, int rows, int duration) {
    this.tileColumns = columns;
    this.tileRows = rows;
    this.tileDuration = duration;
    return this;
  }

  public Integer tileColumns() {
    return tileColumns;
  }

  public Integer tileRows() {
    return tileRows;
  }

  public Integer tileDuration() {
    return tileDuration;
  }

  public String role() {
    return role;
  }

  public UUID keyId() {
    return keyId;
  }

  public List<String> schemes() {
    return schemes == null || schemes.isEmpty() ? List.of() : List.of(schemes.split(","));
  }

  public UUID id() {
    return id;
  }

  public UUID titleId() {
    return titleId;
  }

  public UUID jobId() {
    return jobId;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public Integer width() {
    return width;
  }

  public Integer height() {
    return height;
  }

  public String language() {
    return language;
  }

  public String codecs() {
    return codecs;
  }

  public int timescale() {
    return timescale;
  }

  public long targetBitrate() {
    return targetBitrate;
  }

  public long averageBandwidth() {
    return averageBandwidth;
  }

  public long peakBandwidth() {
    return peakBandwidth;
  }

  public String initKey() {
    return initKey;
  }

  public int segmentCount() {
    return segmentCount;
  }
}
