package dev.marquee.ingest.internal.application;

import dev.marquee.ingest.internal.domain.PartPlan;
import dev.marquee.ingest.internal.domain.Upload;
import dev.marquee.ingest.internal.domain.UploadRepository;
import dev.marquee.ingest.internal.domain.UploadState;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Short transactions around an upload's state. The long work (streaming gigabytes, probing) runs
 * between them, outside any transaction.
 */
@ApplicationScoped
public class UploadLedger {
  /** A completion that has not finished in this time died with its server and may be retried. */
  static final Duration STALE_COMPLETION = Duration.ofMinutes(30);

  @Inject UploadRepository uploads;

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  @Transactional
  public Upload open(
      UUID id,
      UUID owner,
      String fileName,
      long size,
      String sha256,
      PartPlan plan,
      String key,
      String s3UploadId,
      String metadata) {
    Upload upload =
        new Upload(id, owner, fileName, size, sha256, plan, key, s3UploadId, metadata, now());
    uploads.add(upload);
    return upload;
  }

  /** The caller's own upload, or 404 (another creator's upload does not exist for them). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Upload own(UUID id, UUID owner) {
    return uploads
        .upload(id)
        .filter(u -> u.ownerId().equals(owner))
        .orElseThrow(() -> ProblemException.notFound("upload-not-found", "No upload " + id + "."));
  }

  /** Moves an open upload to COMPLETING; only one completion runs at a time. */
  @Transactional
  public Upload beginCompletion(UUID id, UUID owner) {
    Upload upload = lockUnfinished(id, owner);
    upload.completing(now());
    return upload;
  }

  @Transactional
  public void completed(UUID id, UUID titleId, String mediaJson) {
    uploads.upload(id).orElseThrow().completed(titleId, mediaJson, now());
  }

  @Transactional
  public void failed(UUID id, String type, String detail) {
    uploads.upload(id).orElseThrow().failed(type, detail, now());
  }

  /** Back to OPEN: the completion found parts missing, which the client can still send. */
  @Transactional
  public void reopen(UUID id) {
    uploads.upload(id).orElseThrow().reopen(now());
  }

  @Transactional
  public Upload abort(UUID id, UUID owner) {
    Upload upload = lockUnfinished(id, owner);
    upload.aborted(now());
    return upload;
  }

  /**
   * The caller's upload, locked, if it is open or its completion died with its server (stale);
   * anything else is a conflict.
   */
  private Upload lockUnfinished(UUID id, UUID owner) {
    Upload upload =
        uploads
            .uploadForUpdate(id)
            .filter(u -> u.ownerId().equals(owner))
            .orElseThrow(
                () -> ProblemException.notFound("upload-not-found", "No upload " + id + "."));
    boolean staleCompletion =
        upload.state() == UploadState.COMPLETING
            && upload.updatedAt().isBefore(now().minus(STALE_COMPLETION));
    if (upload.state() != UploadState.OPEN && !staleCompletion) {
      throw ProblemException.conflict(
          "upload-not-open", "Upload " + id + " is " + upload.state().name().toLowerCase() + ".");
    }
    return upload;
  }
}
