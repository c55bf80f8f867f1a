package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.application.TranscodeSettings;
import dev.marquee.transcode.internal.domain.Rendition;
import dev.marquee.transcode.internal.domain.Segment;
import dev.marquee.transcode.internal.domain.ThumbnailLayout;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.encode.ThumbnailSheets;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After the encode, beside the audio: trick-play thumbnails. One picture of the master every
 * interval (2 s by default), small and upright, taken by the encode partitions from the pictures
 * they decode ({@link ThumbnailTiles}; the master is decoded again only for thumbnails they could
 * not take), drawn into JPEG sprite sheets of 5 x 5 tiles under the job's output ({@code
 * thumbs/sheet-N.jpg}, immutable like the segments, not encrypted: ADR 37), recorded as the job's
 * IMAGE rendition with one segment per sheet. Thumbnails are an aid to seeking, not the title: a
 * master whose thumbnails cannot be made is still published, without them (the reason is this
 * step's exit status and in the log).
 */
@Named("thumbnailSheets")
@Dependent
public class ThumbnailSheetsBatchlet extends AbstractBatchlet {
  static final String RENDITION = "thumbnails";
  private static final Logger LOG = Logger.getLogger(ThumbnailSheetsBatchlet.class.getName());

  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject TranscodeSettings settings;
  @Inject TranscodeLedger ledger;
  @Inject ObjectStorage storage;
  @Inject IngestFacade ingest;

  @Override
  public String process() {
    int intervalMillis = settings.thumbnailIntervalMillis();
    if (intervalMillis <= 0) {
      return "thumbnails off";
    }
    UUID id = UUID.fromString(jobId);
    if (ledger.renditions(id).stream().anyMatch(r -> r.kind() == Rendition.Kind.IMAGE)) {
      return "thumbnails already made";
    }
    TranscodeJob job = ledger.job(id);
    try {
      return make(job, intervalMillis);
    } catch (RuntimeException | IOException e) {
      LOG.log(Level.WARNING, e, () -> "No thumbnails for job " + jobId);
      // The exit status is stored in a column of 512 characters: the exception's kind only.
      return "no thumbnails: " + e.getClass().getSimpleName();
    }
  }

  private String make(TranscodeJob job, int intervalMillis) throws IOException {
    double seconds = job.totalFrames() / job.frameRate().fps();
    ThumbnailLayout layout = ThumbnailTiles.layout(job, intervalMillis);
    List<Segment> sheets = new ArrayList<>();
    Rendition rendition =
        new Rendition(
            job.titleId(),
            job.id(),
            Rendition.Kind.IMAGE,
            RENDITION,
            layout.sheetWidth(),
            layout.sheetHeight(),
            null,
            "jpeg",
            1000,
            0,
            0,
            0,
            null,
            layout.sheets());
    ThumbnailSheets drawer = new ThumbnailSheets(layout, rotation(job));
    ThumbnailSheets.Sink sink =
        (n, jpeg) -> sheets.add(store(job, layout, n, jpeg, rendition.id()));
    String source = "the encode's pictures";
    try {
      drawer.draw(
          k -> ThumbnailTiles.read(storage, job, k).orElseThrow(() -> new MissingTile(k)), sink);
    } catch (MissingTile e) {
      // A partition could not take its thumbnails (the master ended short of its frame count, a
      // picture could not be scaled, the job was begun by a release without the tiles): decode
      // the master for them. Sheets already stored are drawn again under the same keys.
      LOG.info(() -> "Job " + jobId + ": " + e.getMessage() + ", decoding the master");
      sheets.clear();
      String master = storage.presignGet(job.masterKey(), Duration.ofHours(6)).toString();
      drawer.make(master, sink);
      source = "the master";
    }
    long peak = 0;
    long bytes = 0;
    for (Segment s : sheets) {
      bytes += s.sizeBytes();
      peak = Math.max(peak, s.sizeBytes() * 8000L / s.duration());
    }
    long average = Math.round(bytes * 8 / Math.max(seconds, 0.001));
    rendition.measured(average, peak).tiled(layout.columns(), layout.rows(), intervalMillis);
    ledger.record(rendition, sheets);
    try {
      for (int k = 0; k < layout.count(); k++) {
        storage.delete(ThumbnailTiles.key(job, k));
      }
    } catch (RuntimeException e) {
      // The sheets are recorded; tiles left behind are only storage.
      LOG.log(Level.WARNING, e, () -> "Job " + jobId + ": thumbnail tiles not all deleted");
    }
    return "made " + layout.count() + " thumbnails on " + sheets.size() + " sheets from " + source;
  }

  private Segment store(
      TranscodeJob job, ThumbnailLayout layout, int n, byte[] jpeg, UUID renditionId) {
    String key = job.outputPrefix() + "/thumbs/sheet-" + (n + 1) + ".jpg";
    storage.put(key, jpeg, "image/jpeg");
    return new Segment(
        renditionId, n, layout.sheetStartMillis(n), layout.sheetMillis(n), jpeg.length, key);
  }

  /** The master's display rotation, which the thumbnails are turned by. */
  private int rotation(TranscodeJob job) {
    return ingest
        .master(new TitleId(job.titleId()))
        .map(m -> m.media().video().get(0).rotationDegrees())
        .orElse(0);
  }

  /** A thumbnail no partition stored. */
  private static final class MissingTile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingTile(int k) {
      super("thumbnail " + k + " was not taken by the encode", null, false, false);
    }
  }
}
