package dev.marquee.ingest.api;

import dev.marquee.catalog.api.NewTitle;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * Resumable uploads of masters for faces other than the REST API (the admin console's ingest page):
 * the same uploads, rules and problems as {@code /api/ingest/uploads}, for an owner the caller has
 * already authenticated and authorised.
 */
public interface MasterUploads {
  /** Opens an upload of a master of {@code sizeBytes} whose SHA-256 is {@code sha256}. */
  UploadProgress open(UUID owner, NewTitle title, String fileName, long sizeBytes, String sha256);

  /** Where the owner's upload stands: which parts the storage holds, which to send next. */
  UploadProgress state(UUID owner, UUID upload);

  /** Stores one part ({@code length} bytes, exactly the plan's size for that part). */
  UploadProgress receivePart(UUID owner, UUID upload, int number, long length, InputStream body);

  /**
   * A URL to PUT one part straight into object storage, valid for {@code validity}: the same
   * ownership rules and part numbers as {@link #receivePart}. The part counts once the storage
   * holds it ({@link #state} lists the storage's parts).
   */
  URI presignPart(UUID owner, UUID upload, int number, Duration validity);

  /** Joins the parts, verifies size and SHA-256, probes the master and creates the title. */
  UploadProgress complete(UUID owner, UUID upload);
}
