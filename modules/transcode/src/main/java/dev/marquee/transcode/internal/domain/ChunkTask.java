package dev.marquee.transcode.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** One chunk of one rung: the unit of parallel work, and its checkpoint. */
@Entity
@Table(name = "chunk_tasks", schema = "transcode")
@IdClass(ChunkTask.Key.class)
public class ChunkTask {
  /** Whether the chunk is still to encode or encoded and checkpointed. */
  public enum State {
    PENDING,
    DONE
  }

  /** Composite key (a plain class: JPA sets its fields reflectively, which records forbid). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID jobId;
    private String rung;
    private int chunkIndex;

    public Key() {}

    public Key(UUID jobId, String rung, int chunkIndex) {
      this.jobId = jobId;
      this.rung = rung;
      this.chunkIndex = chunkIndex;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(jobId, k.jobId)
          && Objects.equals(rung, k.rung)
          && chunkIndex == k.chunkIndex;
    }

    @Override
    public int hashCode() {
      return Objects.hash(jobId, rung, chunkIndex);
    }
  }

  @Id
  @Column(name = "job_id")
  private UUID jobId;

  @Id private String rung;

  @Id
  @Column(name = "chunk_index")
  private int chunkIndex;

  @Column(name = "first_frame")
  private long firstFrame;

  @Column(name = "frame_count")
  private int frameCount;

  @Enumerated(EnumType.STRING)
  private State state;

  private int attempts;

  @Column(name = "size_bytes")
  private Long sizeBytes;

  private String codecs;

  /** The encoder's SPS and PPS (hex, colon-separated): every chunk of a rung must agree. */
  @Column(name = "avc_config")
  private String avcConfig;

  private Integer width;
  private Integer height;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  /** The server that encoded the chunk (its {@code marquee.server.id}). */
  @Column(name = "encoded_by")
  private String encodedBy;

  protected ChunkTask() {}

  public ChunkTask(UUID jobId, String rung, int chunkIndex, long firstFrame, int frameCount) {
    this.jobId = jobId;
    this.rung = rung;
    this.chunkIndex = chunkIndex;
    this.firstFrame = firstFrame;
    this.frameCount = frameCount;
    this.state = State.PENDING;
  }

  public UUID jobId() {
    return jobId;
  }

  public String rung() {
    return rung;
  }

  public int chunkIndex() {
    return chunkIndex;
  }

  public long firstFrame() {
    return firstFrame;
  }

  public int frameCount() {
    return frameCount;
  }

  public boolean isDone() {
    return state == State.DONE;
  }

  public int attempts() {
    return attempts;
  }

  public long sizeBytes() {
    return sizeBytes == null ? 0 : sizeBytes;
  }

  public String codecs() {
    return codecs;
  }

  public String avcConfig() {
    return avcConfig;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public void attempt() {
    attempts++;
  }

  public String encodedBy() {
    return encodedBy;
  }

  public void done(long size, String codecString, String avc, int w, int h, String server) {
    state = State.DONE;
    encodedBy = server;
    sizeBytes = size;
    codecs = codecString;
    avcConfig = avc;
    width = w;
    height = h;
    finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }
}
