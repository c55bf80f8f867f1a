package dev.marquee.transcode.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One transcode of one master; its plan once the plan step ran. */
@Entity
@Table(name = "jobs", schema = "transcode")
public class TranscodeJob {
  /** Where a job stands (the batch status has the detail). */
  public enum State {
    SUBMITTED,
    PLANNED,
    PUBLISHED,
    FAILED
  }

  @Id private UUID id;

  @Column(name = "title_id")
  private UUID titleId;

  @Column(name = "execution_id")
  private Long executionId;

  @Column(name = "automatic_restarts")
  private int automaticRestarts;

  @Column(name = "master_key")
  private String masterKey;

  @Column(name = "output_prefix")
  private String outputPrefix;

  @Enumerated(EnumType.STRING)
  private State state;

  @Column(name = "fps_num")
  private Integer fpsNum;

  @Column(name = "fps_den")
  private Integer fpsDen;

  @Column(name = "chunk_frames")
  private Integer chunkFrames;

  @Column(name = "total_frames")
  private Long totalFrames;

  @Column(name = "chunk_count")
  private Integer chunkCount;

  @Column(name = "source_width")
  private Integer sourceWidth;

  @Column(name = "source_height")
  private Integer sourceHeight;

  private String failure;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  protected TranscodeJob() {}

  public TranscodeJob(UUID titleId, String masterKey) {
    this.id = UUID.randomUUID();
    this.titleId = titleId;
    this.masterKey = masterKey;
    this.outputPrefix = "titles/" + titleId + "/" + id;
    this.state = State.SUBMITTED;
    this.createdAt = now();
    this.updatedAt = createdAt;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  public UUID id() {
    return id;
  }

  public UUID titleId() {
    return titleId;
  }

  public Long executionId() {
    return executionId;
  }

  public String masterKey() {
    return masterKey;
  }

  public String outputPrefix() {
    return outputPrefix;
  }

  public State state() {
    return state;
  }

  public FrameRate frameRate() {
    return new FrameRate(fpsNum, fpsDen);
  }

  public int chunkFrames() {
    return chunkFrames;
  }

  public long totalFrames() {
    return totalFrames;
  }

  public int chunkCount() {
    return chunkCount;
  }

  public int sourceWidth() {
    return sourceWidth;
  }

  public int sourceHeight() {
    return sourceHeight;
  }

  public String failure() {
    return failure;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public boolean isPlanned() {
    return chunkFrames != null;
  }

  public void started(long execution) {
    this.executionId = execution;
    if (AWAITING_DISPATCH.equals(failure)) {
      this.failure = null;
    }
    this.updatedAt = now();
  }

  /** What an unfinished job says while it waits for its partitions to have somewhere to go. */
  public static final String AWAITING_DISPATCH =
      "Waiting for the messaging server: no partition could be handed out";

  /**
   * The execution ended without handing out a single partition (the messaging server away): the job
   * has not failed, it waits to be restarted.
   */
  public void awaitingDispatch() {
    if (isUnfinished()) {
      this.failure = AWAITING_DISPATCH;
      this.updatedAt = now();
    }
  }

  public boolean isAwaitingDispatch() {
    return isUnfinished() && AWAITING_DISPATCH.equals(failure);
  }

  public void planned(FrameRate rate, int framesPerChunk, long frames, int width, int height) {
    this.fpsNum = rate.num();
    this.fpsDen = rate.den();
    this.chunkFrames = framesPerChunk;
    this.totalFrames = frames;
    this.chunkCount = (int) ((frames + framesPerChunk - 1) / framesPerChunk);
    this.sourceWidth = width;
    this.sourceHeight = height;
    this.state = State.PLANNED;
    this.updatedAt = now();
  }

  public void published() {
    this.state = State.PUBLISHED;
    this.updatedAt = now();
  }

  public void failed(String reason) {
    this.state = State.FAILED;
    this.failure = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    this.updatedAt = now();
  }

  /** Still to finish: neither published nor failed by the job itself. */
  public boolean isUnfinished() {
    return state == State.SUBMITTED || state == State.PLANNED;
  }

  /**
   * Takes the right to restart this job after an interruption, once per interrupted execution and
   * at most {@code limit} times; false when another server took it or the limit is reached.
   */
  public boolean claimAutomaticRestart(long interruptedExecution, int limit) {
    if (!isUnfinished()
        || executionId == null
        || executionId != interruptedExecution
        || automaticRestarts >= limit) {
      return false;
    }
    automaticRestarts++;
    this.updatedAt = now();
    return true;
  }

  public int automaticRestarts() {
    return automaticRestarts;
  }
}
