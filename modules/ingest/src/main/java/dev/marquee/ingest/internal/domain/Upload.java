package dev.marquee.ingest.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One upload of a master: declared size and checksum, where its parts go, and how it ended. */
@Entity
@Table(name = "uploads", schema = "ingest")
public class Upload {
  @Id private UUID id;

  @Column(name = "owner_id")
  private UUID ownerId;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "size_bytes")
  private long sizeBytes;

  private String sha256;

  @Column(name = "part_size")
  private long partSize;

  @Column(name = "storage_key")
  private String storageKey;

  @Column(name = "s3_upload_id")
  private String s3UploadId;

  /** The title's metadata as JSON, kept until the master is accepted. */
  @Column(name = "title_metadata")
  private String titleMetadata;

  @Enumerated(EnumType.STRING)
  private UploadState state;

  @Column(name = "failure_type")
  private String failureType;

  @Column(name = "failure_detail")
  private String failureDetail;

  @Column(name = "title_id")
  private UUID titleId;

  @Column(name = "media_info")
  private String mediaInfo;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected Upload() {}

  @SuppressWarnings("checkstyle:ParameterNumber")
  public Upload(
      UUID id,
      UUID ownerId,
      String fileName,
      long sizeBytes,
      String sha256,
      PartPlan plan,
      String storageKey,
      String s3UploadId,
      String titleMetadata,
      OffsetDateTime now) {
    this.id = id;
    this.ownerId = ownerId;
    this.fileName = fileName;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.partSize = plan.partSize();
    this.storageKey = storageKey;
    this.s3UploadId = s3UploadId;
    this.titleMetadata = titleMetadata;
    this.state = UploadState.OPEN;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID ownerId() {
    return ownerId;
  }

  public String fileName() {
    return fileName;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public PartPlan plan() {
    return new PartPlan(sizeBytes, partSize);
  }

  public String storageKey() {
    return storageKey;
  }

  public String s3UploadId() {
    return s3UploadId;
  }

  public String titleMetadata() {
    return titleMetadata;
  }

  public UploadState state() {
    return state;
  }

  public String failureType() {
    return failureType;
  }

  public String failureDetail() {
    return failureDetail;
  }

  public UUID titleId() {
    return titleId;
  }

  public String mediaInfo() {
    return mediaInfo;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public void completing(OffsetDateTime now) {
    state = UploadState.COMPLETING;
    updatedAt = now;
  }

  public void completed(UUID title, String media, OffsetDateTime now) {
    state = UploadState.COMPLETED;
    titleId = title;
    mediaInfo = media;
    updatedAt = now;
  }

  public void failed(String type, String detail, OffsetDateTime now) {
    state = UploadState.FAILED;
    failureType = type;
    failureDetail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    updatedAt = now;
  }

  public void reopen(OffsetDateTime now) {
    state = UploadState.OPEN;
    failureType = null;
    failureDetail = null;
    updatedAt = now;
  }

  public void aborted(OffsetDateTime now) {
    state = UploadState.ABORTED;
    updatedAt = now;
  }
}
