package dev.marquee.ingest.internal.application;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.NewTitle;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.ingest.api.MasterIngested;
import dev.marquee.ingest.api.UploadId;
import dev.marquee.ingest.internal.domain.PartPlan;
import dev.marquee.ingest.internal.domain.Upload;
import dev.marquee.ingest.internal.domain.UploadState;
import dev.marquee.media.api.EmbeddedSubtitles;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.UploadedPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resumable uploads of masters. Parts go to an S3 multipart upload (through Marquee or straight to
 * S3 with presigned URLs); S3's list of stored parts is the truth about how far an upload got, so
 * any server can take the next part. Completion joins the parts, verifies size and SHA-256, probes
 * the master, and only then creates the title: a rejected master leaves nothing behind.
 */
@ApplicationScoped
public class UploadService {
  private static final Logger LOG = Logger.getLogger(UploadService.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject UploadLedger ledger;
  @Inject ObjectStorage storage;
  @Inject CatalogFacade catalog;
  @Inject MasterVerifier verifier;
  @Inject SubtitleService subtitleService;
  @Inject Event<MasterIngested> ingested;

  @Inject
  @ConfigProperty(name = "marquee.ingest.max-master-bytes", defaultValue = "214748364800")
  long maxMasterBytes;

  @Inject
  @ConfigProperty(name = "marquee.ingest.part-bytes", defaultValue = "8388608")
  long preferredPartBytes;

  /** An upload, with how far it got. */
  public record Progress(
      Upload upload, PartPlan plan, long receivedBytes, List<Integer> missingParts) {
    public int nextPart() {
      return missingParts.isEmpty() ? 0 : missingParts.get(0);
    }
  }

  public Progress open(UUID owner, NewTitle title, String fileName, long size, String sha256) {
    if (size > maxMasterBytes) {
      throw new ProblemException(
          413,
          "master-too-large",
          "Master too large",
          "The master has "
              + size
              + " bytes; this Marquee accepts at most "
              + maxMasterBytes
              + ".");
    }
    catalog.validate(title);
    UUID id = UUID.randomUUID();
    PartPlan plan = PartPlan.forSize(size, preferredPartBytes);
    String key = "masters/" + id + "/" + safeName(fileName);
    String s3UploadId = storage.startMultipartUpload(key, "application/octet-stream");
    try {
      Upload upload =
          ledger.open(
              id,
              owner,
              fileName.strip(),
              size,
              sha256.toLowerCase(),
              plan,
              key,
              s3UploadId,
              JSON.toJson(title));
      return new Progress(upload, plan, 0, allParts(plan));
    } catch (RuntimeException e) {
      storage.abortMultipartUpload(key, s3UploadId);
      throw e;
    }
  }

  public Progress progress(UUID owner, UUID id) {
    return progressOf(ledger.own(id, owner));
  }

  /** Streams one part to object storage; sending a stored part again replaces it. */
  public Progress receivePart(UUID owner, UUID id, int number, long length, InputStream body) {
    Upload upload = openUpload(owner, id);
    PartPlan plan = upload.plan();
    long expected = expectedSize(plan, number);
    if (length != expected) {
      throw ProblemException.badRequest(
          "wrong-part-size",
          "Part "
              + number
              + " must carry exactly "
              + expected
              + " bytes (Content-Length was "
              + length
              + ").");
    }
    // The part is spooled to a local file first: the client's stream can be read only once, and the
    // S3 client must be able to send the part again when the store asks it to retry.
    Path spool = null;
    try {
      spool = Files.createTempFile("marquee-part-", ".bin");
      long received;
      try (var out = Files.newOutputStream(spool)) {
        received = body.transferTo(out);
      }
      if (received != length) {
        throw ProblemException.badRequest(
            "incomplete-part",
            "Part "
                + number
                + " carried "
                + received
                + " of its "
                + length
                + " bytes; send it again.");
      }
      storage.uploadPart(upload.storageKey(), upload.s3UploadId(), number, spool);
    } catch (IOException e) {
      throw ProblemException.badRequest(
          "incomplete-part", "Part " + number + " was cut off before its end; send it again.");
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException e) {
          LOG.fine(() -> "Temporary part file left behind: " + e.getMessage());
        }
      }
    }
    return progressOf(upload);
  }

  /** A URL the client PUTs part {@code number} to, straight into object storage. */
  public URI presignPart(UUID owner, UUID id, int number, Duration validity) {
    Upload upload = openUpload(owner, id);
    expectedSize(upload.plan(), number);
    return storage.presignPartUpload(upload.storageKey(), upload.s3UploadId(), number, validity);
  }

  public Progress complete(UUID owner, UUID id) {
    Upload upload = ledger.beginCompletion(id, owner);
    PartPlan plan = upload.plan();
    try {
      Map<Integer, UploadedPart> stored = storedParts(upload);
      List<Integer> missing = missingParts(plan, stored);
      if (!missing.isEmpty()) {
        throw ProblemException.conflict(
            "incomplete-upload",
            "Parts "
                + missing
                + " of "
                + plan.partCount()
                + " are missing or have the wrong size.");
      }
      storage.completeMultipartUpload(
          upload.storageKey(),
          upload.s3UploadId(),
          stored.values().stream()
              .sorted(Comparator.comparingInt(UploadedPart::partNumber))
              .toList());
    } catch (RuntimeException e) {
      // Nothing was joined yet: the creator can send the missing parts, or retry.
      ledger.reopen(id);
      throw e;
    }
    MediaInfo media;
    byte[] still;
    List<EmbeddedSubtitles.Track> embeddedSubtitles;
    try {
      MasterVerifier.Verified verified =
          verifier.verify(upload.storageKey(), upload.sha256(), upload.sizeBytes());
      media = verified.media();
      still = verified.still();
      embeddedSubtitles = verified.subtitles();
    } catch (RuntimeException e) {
      // Nothing half-made: the rejected master goes, the upload records why.
      deleteQuietly(upload.storageKey());
      if (e instanceof ProblemException problem) {
        ledger.failed(id, problem.type(), problem.detail());
      } else {
        ledger.failed(
            id, "internal-error", "Marquee could not verify this master; start it again.");
      }
      throw e;
    }
    // From here the master is accepted and kept, whatever happens next.
    NewTitle title = JSON.fromJson(upload.titleMetadata(), NewTitle.class);
    TitleView created = catalog.createIngested(title, Math.round(media.durationSeconds() * 1000));
    ledger.completed(id, created.id().value(), JSON.toJson(media));
    if (still != null) {
      try {
        String stillKey =
            "titles/"
                + created.id()
                + "/artwork/still-"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(still), 0, 8)
                + ".jpg";
        storage.put(stillKey, still, "image/jpeg");
        catalog.useStill(created.id(), stillKey);
      } catch (RuntimeException | NoSuchAlgorithmException e) {
        LOG.warning(() -> "Title " + created.id() + " has no still: " + e.getMessage());
      }
    }
    if (!embeddedSubtitles.isEmpty()) {
      try {
        List<String> languages =
            subtitleService.addFromMaster(created.id().value(), embeddedSubtitles, owner);
        LOG.info(() -> "Title " + created.id() + ": subtitles from the master in " + languages);
      } catch (RuntimeException e) {
        LOG.warning(
            () -> "Title " + created.id() + ": master's subtitles not kept: " + e.getMessage());
      }
    }
    try {
      ingested.fire(new MasterIngested(new UploadId(id), created.id(), upload.storageKey(), media));
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "Title "
                  + created.id()
                  + " was ingested but its transcode did not start: "
                  + e.getMessage());
    }
    LOG.info(() -> "Master " + upload.storageKey() + " ingested as title " + created.id());
    return progress(owner, id);
  }

  public void abort(UUID owner, UUID id) {
    Upload upload = ledger.abort(id, owner);
    storage.abortMultipartUpload(upload.storageKey(), upload.s3UploadId());
  }

  /** The title of a completed upload, for the creator's confirmation. */
  public TitleId titleOf(Upload upload) {
    return upload.titleId() == null ? null : new TitleId(upload.titleId());
  }

  public MediaInfo mediaOf(Upload upload) {
    return upload.mediaInfo() == null ? null : JSON.fromJson(upload.mediaInfo(), MediaInfo.class);
  }

  private Upload openUpload(UUID owner, UUID id) {
    Upload upload = ledger.own(id, owner);
    if (upload.state() != UploadState.OPEN) {
      throw ProblemException.conflict(
          "upload-not-open", "Upload " + id + " is " + upload.state().name().toLowerCase() + ".");
    }
    return upload;
  }

  private Progress progressOf(Upload upload) {
    PartPlan plan = upload.plan();
    if (upload.state() != UploadState.OPEN) {
      boolean done = upload.state() == UploadState.COMPLETED;
      return new Progress(
          upload, plan, done ? upload.sizeBytes() : 0, done ? List.of() : allParts(plan));
    }
    Map<Integer, UploadedPart> stored = storedParts(upload);
    List<Integer> missing = missingParts(plan, stored);
    long received =
        stored.values().stream()
            .filter(
                p ->
                    p.partNumber() <= plan.partCount()
                        && p.size() == plan.expectedSize(p.partNumber()))
            .mapToLong(UploadedPart::size)
            .sum();
    return new Progress(upload, plan, received, missing);
  }

  private Map<Integer, UploadedPart> storedParts(Upload upload) {
    return storage.listParts(upload.storageKey(), upload.s3UploadId()).stream()
        .collect(Collectors.toMap(UploadedPart::partNumber, Function.identity(), (a, b) -> b));
  }

  private static List<Integer> missingParts(PartPlan plan, Map<Integer, UploadedPart> stored) {
    return IntStream.rangeClosed(1, plan.partCount())
        .filter(n -> stored.get(n) == null || stored.get(n).size() != plan.expectedSize(n))
        .boxed()
        .toList();
  }

  private static List<Integer> allParts(PartPlan plan) {
    return IntStream.rangeClosed(1, plan.partCount()).boxed().toList();
  }

  private static long expectedSize(PartPlan plan, int number) {
    if (number < 1 || number > plan.partCount()) {
      throw ProblemException.badRequest(
          "no-such-part",
          "This upload has parts 1 to " + plan.partCount() + "; there is no part " + number + ".");
    }
    return plan.expectedSize(number);
  }

  private void deleteQuietly(String key) {
    try {
      storage.delete(key);
    } catch (RuntimeException e) {
      LOG.warning(() -> "Could not delete rejected master " + key + ": " + e.getMessage());
    }
  }

  /** Object keys keep the file's name for people, without path tricks or odd characters. */
  static String safeName(String fileName) {
    String base = fileName.strip().replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_");
    if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.')) {
      return "master";
    }
    return cleaned.length() > 120 ? cleaned.substring(cleaned.length() - 120) : cleaned;
  }
}
