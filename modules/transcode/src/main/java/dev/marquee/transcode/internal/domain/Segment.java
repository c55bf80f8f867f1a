package dev.marquee.transcode.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One media segment of a rendition: the segment index manifests are rendered from. */
@Entity
@Table(name = "segments", schema = "transcode")
@IdClass(Segment.Key.class)
public class Segment {
  /** Composite key (a plain class: JPA sets its fields reflectively, which records forbid). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID renditionId;
    private int segmentIndex;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(renditionId, k.renditionId)
          && segmentIndex == k.segmentIndex;
    }

    @Override
    public int hashCode() {
      return Objects.hash(renditionId, segmentIndex);
    }
  }

  @Id
  @Column(name = "rendition_id")
  private UUID renditionId;

  @Id
  @Column(name = "segment_index")
  private int segmentIndex;

  @Column(name = "start_time")
  private long startTime;

  private int duration;

  @Column(name = "size_bytes")
  private int sizeBytes;

  @Column(name = "storage_key")
  private String storageKey;

  protected Segment() {}

  public Segment(
      UUID renditionId,
      int segmentIndex,
      long startTime,
      int duration,
      int sizeBytes,
      String storageKey) {
    this.renditionId = renditionId;
    this.segmentIndex = segmentIndex;
    this.startTime = startTime;
    this.duration = duration;
    this.sizeBytes = sizeBytes;
    this.storageKey = storageKey;
  }

  public int segmentIndex() {
    return segmentIndex;
  }

  public long startTime() {
    return startTime;
  }

  public int duration() {
    return duration;
  }

  public int sizeBytes() {
    return sizeBytes;
  }

  public String storageKey() {
    return storageKey;
  }
}
