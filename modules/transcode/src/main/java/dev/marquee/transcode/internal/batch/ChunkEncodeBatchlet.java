package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.TrackType;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.application.TranscodeSettings;
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
import dev.marquee.transcode.internal.encode.ThumbnailTap;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Step 2, one partition: decodes a run of consecutive chunks of the master in one pass, scales each
 * picture down the job's ladder and encodes every chunk at every rung that is not done yet, storing
 * each as the rung's CMAF media segment and checkpointing it. The trick-play thumbnails that fall
 * in the run are taken from the same pictures ({@link ThumbnailTiles}). Rungs already done (a
 * restarted job) are skipped; a failing chunk is tried again a few times before it fails the job
 * with the reason.
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
  @BatchProperty(name = "firstChunk")
  String firstChunk;

  @Inject
  @BatchProperty(name = "lastChunk")
  String lastChunk;

  @Inject TranscodeLedger ledger;
  @Inject ObjectStorage storage;

  @Inject TranscodeSettings settings;
  @Inject DrmFacade drm;
  @Inject IngestFacade ingest;

  @Override
  public String process() throws Exception {
    UUID id = UUID.fromString(jobId);
    int from = Integer.parseInt(firstChunk);
    int to = Integer.parseInt(lastChunk);
    TranscodeJob job = ledger.job(id);
    List<Rung> ladder = settings.rungsFor(job.sourceWidth(), job.sourceHeight());
    FrameRate rate = job.frameRate();
    Integer rotation = null;
    Exception last = null;
    int failing = from;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      // Chunk by chunk, every task of the run, and the rungs still to encode (a restarted job
      // keeps what it stored).
      TreeMap<Integer, List<ChunkTask>> tasks = new TreeMap<>();
      TreeMap<Integer, List<ChunkTask>> pending = new TreeMap<>();
      for (ChunkTask task : ledger.tasks(id)) {
        if (task.chunkIndex() >= from && task.chunkIndex() <= to) {
          tasks.computeIfAbsent(task.chunkIndex(), i -> new ArrayList<>()).add(task);
          if (!task.isDone()) {
            pending.computeIfAbsent(task.chunkIndex(), i -> new ArrayList<>()).add(task);
          }
        }
      }
      if (pending.isEmpty()) {
        return attempt == 1 ? "already done" : "encoded chunks " + from + "-" + to;
      }
      failing = pending.firstKey();
      if (rotation == null) {
        rotation = rotation(job);
      }
      for (List<ChunkTask> chunkTasks : pending.values()) {
        for (ChunkTask task : chunkTasks) {
          ledger.attempt(id, task.rung(), task.chunkIndex());
        }
      }
      int[] reached = {failing};
      ThumbnailTap thumbnails =
          ThumbnailTiles.tap(job, settings.thumbnailIntervalMillis(), rotation, storage);
      try {
        String master = storage.presignGet(job.masterKey(), Duration.ofHours(6)).toString();
        // Decoded from the run's first chunk even when a restart left it done: the decoder then
        // starts where it started in the uninterrupted run, and the chunks still to encode get
        // the same pictures (done chunks are decoded, not encoded).
        List<ChunkSpec> run = specs(tasks.headMap(pending.lastKey(), true), rate, rotation);
        new ChunkEncoder(settings.engine(), settings.preset())
            .encode(
                master,
                run,
                ladder,
                spec -> rungsOf(ladder, pending.getOrDefault(spec.index(), List.of())),
                encoded -> {
                  ChunkSpec spec = encoded.get(0).chunk();
                  List<Rung> rungs = rungsOf(ladder, pending.get(spec.index()));
                  for (int r = 0; r < rungs.size(); r++) {
                    store(
                        job,
                        rungs.get(r).name(),
                        spec.index(),
                        spec.firstFrame(),
                        rate,
                        encoded.get(r));
                  }
                  Integer next = pending.higherKey(spec.index());
                  reached[0] = next == null ? spec.index() : next;
                },
                thumbnails);
        return "encoded chunks " + from + "-" + to;
      } catch (Exception e) {
        last = e;
        failing = reached[0];
        int tried = attempt;
        int chunk = failing;
        LOG.warning(() -> "Chunk " + chunk + " failed (attempt " + tried + "): " + e.getMessage());
      } finally {
        if (thumbnails != null) {
          thumbnails.close();
        }
      }
    }
    throw new IllegalStateException(
        "chunk " + failing + " failed " + ATTEMPTS + " times: " + last.getMessage(), last);
  }

  /** One chunk spec per chunk, from its first task. */
  private static List<ChunkSpec> specs(
      Map<Integer, List<ChunkTask>> tasks, FrameRate rate, int rotation) {
    List<ChunkSpec> specs = new ArrayList<>();
    tasks.forEach(
        (index, chunkTasks) ->
            specs.add(
                new ChunkSpec(
                    index,
                    chunkTasks.get(0).firstFrame(),
                    chunkTasks.get(0).frameCount(),
                    rate.num(),
                    rate.den(),
                    rotation)));
    return specs;
  }

  /** The ladder's rungs these tasks name, in ladder order. */
  private static List<Rung> rungsOf(List<Rung> ladder, List<ChunkTask> tasks) {
    return ladder.stream()
        .filter(r -> tasks.stream().anyMatch(t -> t.rung().equals(r.name())))
        .toList();
  }

  /** The master's display rotation, which the encoder applies to the pixels. */
  private int rotation(TranscodeJob job) {
    return ingest
        .master(new TitleId(job.titleId()))
        .map(m -> m.media().video().get(0).rotationDegrees())
        .orElse(0);
  }

  private void store(
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
        drm.contentKey(
            new TitleId(job.titleId()),
            TrackType.forVideoHeight(Math.min(chunk.width(), chunk.height())));
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
