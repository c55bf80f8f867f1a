package dev.marquee.ingest.internal.application;

import dev.marquee.catalog.api.NewTitle;
import dev.marquee.ingest.api.MasterUploads;
import dev.marquee.ingest.api.UploadProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/** {@link MasterUploads} on the upload service the REST API uses. */
@ApplicationScoped
public class DefaultMasterUploads implements MasterUploads {
  @Inject UploadService uploads;

  @Override
  public UploadProgress open(
      UUID owner, NewTitle title, String fileName, long sizeBytes, String sha256) {
    return view(uploads.open(owner, title, fileName, sizeBytes, sha256));
  }

  @Override
  public UploadProgress state(UUID owner, UUID upload) {
    return view(uploads.progress(owner, upload));
  }

  @Override
  public UploadProgress receivePart(
      UUID owner, UUID upload, int number, long length, InputStream body) {
    return view(uploads.receivePart(owner, upload, number, length, body));
  }

  @Override
  public URI presignPart(UUID owner, UUID upload, int number, Duration validity) {
    return uploads.presignPart(owner, upload, number, validity);
  }

  @Override
  public UploadProgress complete(UUID owner, UUID upload) {
    return view(uploads.complete(owner, upload));
  }

  private UploadProgress view(UploadService.Progress progress) {
    var upload = progress.upload();
    var title = uploads.titleOf(upload);
    return new UploadProgress(
        upload.id().toString(),
        upload.state().name(),
        upload.fileName(),
        upload.sizeBytes(),
        progress.plan().partSize(),
        progress.plan().partCount(),
        progress.receivedBytes(),
        progress.missingParts(),
        title == null ? null : title.toString(),
        upload.failureType(),
        upload.failureDetail());
  }
}
