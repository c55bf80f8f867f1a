package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.drm.api.TrackType;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.application.TranscodeSettings;
import dev.marquee.transcode.internal.cmaf.AvcConfiguration;
import dev.marquee.transcode.internal.cmaf.CmafWriter;
import dev.marquee.transcode.internal.cmaf.Protection;
import dev.marquee.transcode.internal.cmaf.TrackFormat;
import dev.marquee.transcode.internal.domain.ChunkTask;
import dev.marquee.transcode.internal.domain.FrameRate;
import dev.marquee.transcode.internal.domain.Rendition;
import dev.marquee.transcode.internal.domain.Segment;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.encode.Rung;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Step 4: per rung, checks that every chunk was encoded with the same parameter sets, writes the
 * init segment, and records the rendition and its segment index (durations, sizes, average and peak
 * bandwidth, codecs string).
 */
@Named("videoPackager")
@Dependent
public class VideoPackager extends AbstractBatchlet {
  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject TranscodeLedger ledger;
  @Inject ObjectStorage storage;

  @Inject TranscodeSettings settings;
  @Inject DrmFacade drm;

  @Override
  public String process() {
    UUID id = UUID.fromString(jobId);
    if (ledger.renditions(id).stream().anyMatch(r -> r.kind() == Rendition.Kind.VIDEO)) {
      return "already packaged";
    }
    TranscodeJob job = ledger.job(id);
    FrameRate rate = job.frameRate();
    Map<String, List<ChunkTask>> byRung = new LinkedHashMap<>();
    for (ChunkTask task : ledger.tasks(id)) {
      byRung.computeIfAbsent(task.rung(), r -> new ArrayList<>()).add(task);
    }
    List<Rung> rungs = settings.rungsFor(job.sourceWidth(), job.sourceHeight());
    for (Rung rung : rungs) {
      List<ChunkTask> tasks = byRung.getOrDefault(rung.name(), List.of());
      if (tasks.size() != job.chunkCount() || !tasks.stream().allMatch(ChunkTask::isDone)) {
        throw new IllegalStateException("rung " + rung.name() + " has unfinished chunks");
      }
      String config = tasks.get(0).avcConfig();
      if (!tasks.stream().allMatch(t -> t.avcConfig().equals(config))) {
        throw new IllegalStateException("chunks of rung " + rung.name() + " disagree on SPS/PPS");
      }
      String[] parts = config.split(":");
      AvcConfiguration avc =
          new AvcConfiguration(
              HexFormat.of().parseHex(parts[0]), HexFormat.of().parseHex(parts[1]));
      ChunkTask first = tasks.get(0);
      String initKey =
          job.outputPrefix() + "/video/" + rung.name() + "/" + RenditionView.SCHEME + "/init.mp4";
      ContentKey key =
          drm.contentKey(
              new TitleId(job.titleId()),
              TrackType.forVideoHeight(Math.min(first.width(), first.height())));
      for (Protection.Scheme scheme : settings.schemes()) {
        storage.put(
            Protections.key(initKey, scheme),
            CmafWriter.initSegment(
                new TrackFormat.Video(first.width(), first.height(), rate.timescale(), avc),
                ChunkEncodeBatchlet.TRACK_ID,
                Protections.of(scheme, key, job, rung.name())),
            "video/mp4");
      }
      long totalBytes = 0;
      long peak = 0;
      List<Segment> segments = new ArrayList<>();
      Rendition rendition = null;
      for (ChunkTask task : tasks) {
        totalBytes += task.sizeBytes();
        double seconds = task.frameCount() / rate.fps();
        peak = Math.max(peak, Math.round(task.sizeBytes() * 8 / seconds));
      }
      long average = Math.round(totalBytes * 8 / (job.totalFrames() / rate.fps()));
      rendition =
          new Rendition(
              job.titleId(),
              id,
              Rendition.Kind.VIDEO,
              rung.name(),
              first.width(),
              first.height(),
              null,
              avc.codecs(),
              rate.timescale(),
              rung.bitrate(),
              average,
              peak,
              initKey,
              tasks.size());
      rendition.protectedBy(key.keyId(), settings.schemeNames());
      for (ChunkTask task : tasks) {
        segments.add(
            new Segment(
                rendition.id(),
                task.chunkIndex(),
                task.firstFrame() * rate.frameTicks(),
                task.frameCount() * rate.frameTicks(),
                (int) task.sizeBytes(),
                ChunkEncodeBatchlet.segmentKey(job, rung.name(), task.chunkIndex())));
      }
      ledger.record(rendition, segments);
    }
    return "packaged " + rungs.size() + " video renditions";
  }
}
