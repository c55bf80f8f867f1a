package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.TrackType;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import dev.marquee.transcode.internal.cmaf.CmafWriter;
import dev.marquee.transcode.internal.cmaf.Protection;
import dev.marquee.transcode.internal.cmaf.TrackFormat;
import dev.marquee.transcode.internal.domain.ChunkTask;
import dev.marquee.transcode.internal.domain.FrameRate;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.encode.ChunkEncoder;
import dev.marquee.transcode.internal.encode.ChunkSpec;
import dev.marquee.transcode.internal.encode.EncodedChunk;
import dev.marquee.transcode.internal.encode.Rung;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Step 2, one partition: decodes one chunk of the master once, scales it down the job's ladder and
 * encodes it at every rung that is not done yet, storing each as the rung's CMAF media segment and
 * checkpointing it. Rungs already done (a restarted job) are skipped; a failing chunk is tried
 * again a few times before it fails the job with the reason.
 */
@Named("chunkEncodeBatchlet")
@Dependent
public class ChunkEncodeBatchlet extends AbstractBatchlet {
  static final int TRACK_ID = 1;
  private static final int ATTEMPTS = 3;
  private static final Logger LOG = Logger.getLogger(ChunkEncodeBatchlet.class.getName());

  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject
  @BatchProperty(name = "chunkIndex")
  String chunkIndex;

  @Inject TranscodeLedger ledger;
  @Inject ObjectStorage storage;

  @Inject TranscodeSettings settings;
  @Inject DrmFacade drm;
  @Inject IngestFacade ingest;

  @Override
  public String process() throws Exception {
    UUID id = UUID.fromString(jobId);
    int index = Integer.parseInt(chunkIndex);
    TranscodeJob job = ledger.job(id);
    List<ChunkTask> pending =
        ledger.tasks(id).stream().filter(t -> t.chunkIndex() == index && !t.isDone()).toList();
    if (pending.isEmpty()) {
      return "already done";
    }
    List<Rung> ladder = settings.rungsFor(job.sourceHeight());
    List<Rung> rungs =
        ladder.stream()
            .filter(r -> pending.stream().anyMatch(t -> t.rung().equals(r.name())))
            .toList();
    ChunkTask task = pending.get(0);
    FrameRate rate = job.frameRate();
    ChunkSpec spec =
        new ChunkSpec(
            index, task.firstFrame(), task.frameCount(), rate.num(), rate.den(), rotation(job));
    Exception last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      for (Rung rung : rungs) {
        ledger.attempt(id, rung.name(), index);
      }
      try {
        String master = storage.presignGet(job.masterKey(), Duration.ofHours(6)).toString();
        List<EncodedChunk> encoded =
            new ChunkEncoder(settings.engine(), settings.preset())
                .encode(master, spec, ladder, rungs);
        long bytes = 0;
        for (int r = 0; r < rungs.size(); r++) {
          bytes += store(job, rungs.get(r).name(), index, task.firstFrame(), rate, encoded.get(r));
        }
        return "encoded " + rungs.size() + " rungs, " + bytes + " bytes";
      } catch (Exception e) {
        last = e;
        int tried = attempt;
        LOG.warning(() -> "Chunk " + index + " failed (attempt " + tried + "): " + e.getMessage());
      }
    }
    throw new IllegalStateException(
        "chunk " + index + " failed " + ATTEMPTS + " times: " + last.getMessage(), last);
  }

  /** The master's display rotation, which the encoder applies to the pixels. */
  private int rotation(TranscodeJob job) {
    return ingest
        .master(new TitleId(job.titleId()))
        .map(m -> m.media().video().get(0).rotationDegrees())
        .orElse(0);
  }

  private long store(
      TranscodeJob job,
      String rung,
      int index,
      long firstFrame,
      FrameRate rate,
      EncodedChunk chunk) {
    List<CmafSample> samples =
        chunk.samples().stream()
            .map(
                s ->
                    new CmafSample(
                        s.data(),
                        s.duration() * rate.frameTicks(),
                        s.compositionOffset() * rate.frameTicks(),
                        s.sync()))
            .toList();
    TrackFormat.Video format =
        new TrackFormat.Video(chunk.width(), chunk.height(), rate.timescale(), chunk.avc());
    ContentKey key =
        drm.contentKey(new TitleId(job.titleId()), TrackType.forVideoHeight(chunk.height()));
    int size = 0;
    for (Protection.Scheme scheme : settings.schemes()) {
      byte[] segment =
          CmafWriter.mediaSegment(
              index + 1,
              TRACK_ID,
              firstFrame * rate.frameTicks(),
              samples,
              format,
              Protections.of(scheme, key, job, rung));
      storage.put(Protections.key(segmentKey(job, rung, index), scheme), segment, "video/mp4");
      size = Math.max(size, segment.length);
    }
    HexFormat hex = HexFormat.of();
    ledger.chunkDone(
        job.id(),
        rung,
        index,
        size,
        chunk.avc().codecs(),
        hex.formatHex(chunk.avc().sps()) + ":" + hex.formatHex(chunk.avc().pps()),
        chunk.width(),
        chunk.height(),
        settings.serverId());
    return size;
  }

  /** The segment's object key, with the {@code {scheme}} placeholder. */
  static String segmentKey(TranscodeJob job, String rung, int index) {
    return job.outputPrefix()
        + "/video/"
        + rung
        + "/"
        + RenditionView.SCHEME
        + "/seg-"
        + (index + 1)
        + ".m4s";
  }
}
