package dev.marquee.ingest.internal.rest;

import dev.marquee.ingest.internal.application.UploadService;
import dev.marquee.media.api.MediaInfo;
import java.util.List;

/** Where an upload stands: what to send next, or how it ended. */
public record UploadResponse(
    String id,
    String state,
    String fileName,
    long sizeBytes,
    long partSize,
    int partCount,
    long receivedBytes,
    int nextPart,
    List<Integer> missingParts,
    String titleId,
    Failure failure,
    MediaInfo media) {

  /** Why a completed upload was rejected. */
  public record Failure(String type, String detail) {}

  static UploadResponse of(UploadService.Progress progress, UploadService service) {
    var upload = progress.upload();
    var title = service.titleOf(upload);
    return new UploadResponse(
        upload.id().toString(),
        upload.state().name(),
        upload.fileName(),
        upload.sizeBytes(),
        progress.plan().partSize(),
        progress.plan().partCount(),
        progress.receivedBytes(),
        progress.nextPart(),
        progress.missingParts(),
        title == null ? null : title.toString(),
        upload.failureType() == null
            ? null
            : new Failure(upload.failureType(), upload.failureDetail()),
        service.mediaOf(upload));
  }
}
