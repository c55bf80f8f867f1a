package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.transcode.internal.application.TranscodeLedger;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Step 2, beside the encode and the audio: trick-play thumbnails. One picture of the master every
 * interval (2 s by default), small and upright, drawn into JPEG sprite sheets of 5 x 5 tiles under
 * the job's output ({@code thumbs/sheet-N.jpg}, immutable like the segments, not encrypted: ADR
 * 37), recorded as the job's IMAGE rendition with one segment per sheet. Thumbnails are an aid to
 * seeking, not the title: a master whose thumbnails cannot be made is still published, without them
 * (the reason is this step's exit status and in the log).
 */
@Named("thumbnailSheets")
@Dependent
public class ThumbnailSheetsBatchlet extends AbstractBatchlet {
  static final String RENDITION = "thumbnails";
  private static final Logger LOG = Logger.getLogger(ThumbnailSheetsBatchlet.class.getName());

  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  /** One thumbnail per this many milliseconds; 0 makes none. */
  @Inject
  @ConfigProperty(name = "marquee.transcode.thumbnail-interval-ms", defaultValue = "2000")
  int intervalMillis;

  @Inject TranscodeLedger ledger;
  @Inject ObjectStorage storage;
  @Inject IngestFacade ingest;

  @Override
  public String process() {
    if (intervalMillis <= 0) {
      return "thumbnails off";
    }
    UUID id = UUID.fromString(jobId);
    if (ledger.renditions(id).stream().anyMatch(r -> r.kind() == Rendition.Kind.IMAGE)) {
      return "thumbnails already made";
    }
    TranscodeJob job = ledger.job(id);
    try {
      return make(job);
    } catch (RuntimeException | IOException e) {
      LOG.log(Level.WARNING, e, () -> "No thumbnails for job " + jobId);
      // The exit status is stored in a column of 512 characters: the exception's kind only.
      return "no thumbnails: " + e.getClass().getSimpleName();
    }
  }

  private String make(TranscodeJob job) throws IOException {
    double seconds = job.totalFrames() / job.frameRate().fps();
    ThumbnailLayout layout =
        ThumbnailLayout.of(job.sourceWidth(), job.sourceHeight(), seconds, intervalMillis);
    String master = storage.presignGet(job.masterKey(), Duration.ofHours(6)).toString();
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
    new ThumbnailSheets(layout, rotation(job))
        .make(master, (n, jpeg) -> sheets.add(store(job, layout, n, jpeg, rendition.id())));
    long peak = 0;
    long bytes = 0;
    for (Segment s : sheets) {
      bytes += s.sizeBytes();
      peak = Math.max(peak, s.sizeBytes() * 8000L / s.duration());
    }
    long average = Math.round(bytes * 8 / Math.max(seconds, 0.001));
    rendition.measured(average, peak).tiled(layout.columns(), layout.rows(), intervalMillis);
    ledger.record(rendition, sheets);
    return "made " + layout.count() + " thumbnails on " + sheets.size() + " sheets";
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
}
