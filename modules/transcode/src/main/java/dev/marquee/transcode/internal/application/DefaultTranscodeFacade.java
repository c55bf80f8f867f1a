package dev.marquee.transcode.internal.application;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.transcode.api.JobAction;
import dev.marquee.transcode.api.JobGrid;
import dev.marquee.transcode.api.JobSummary;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.api.TranscodeFacade;
import dev.marquee.transcode.api.WorkerServers;
import dev.marquee.transcode.internal.domain.Rendition;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.persistence.ServerRegistryQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Renditions of a title's latest published job. */
@ApplicationScoped
public class DefaultTranscodeFacade implements TranscodeFacade {
  @Inject TranscodeLedger ledger;
  @Inject JobConsole console;
  @Inject ServerRegistryQuery servers;
  @Inject ServerHeartbeat heartbeat;

  @Override
  public WorkerServers workerServers() {
    ServerRegistryQuery.Known known = servers.servers();
    return new WorkerServers(known.asOf(), heartbeat.period(), known.servers());
  }

  @Override
  public List<JobSummary> recentJobs(int limit) {
    return console.recent(limit);
  }

  @Override
  public Optional<JobGrid> jobGrid(UUID jobId) {
    return console.grid(jobId);
  }

  @Override
  public JobSummary act(UUID jobId, JobAction action, UUID actor) {
    return console.act(jobId, action, actor);
  }

  @Override
  public List<RenditionView> renditions(TitleId title) {
    return ledger.jobsOfTitle(title.value()).stream()
        .filter(j -> j.state() == TranscodeJob.State.PUBLISHED)
        .findFirst()
        .map(j -> ledger.renditions(j.id()).stream().map(r -> view(r, j)).toList())
        .orElse(List.of());
  }

  RenditionView view(Rendition r, TranscodeJob job) {
    return new RenditionView(
        r.name(),
        r.kind().name(),
        r.width(),
        r.height(),
        r.language(),
        r.role(),
        r.codecs(),
        r.timescale(),
        r.kind() == Rendition.Kind.VIDEO ? job.frameRate().fps() : null,
        r.targetBitrate(),
        r.averageBandwidth(),
        r.peakBandwidth(),
        r.initKey(),
        r.keyId() == null ? null : r.keyId().toString(),
        r.schemes(),
        ledger.segments(r.id()).stream()
            .map(
                s ->
                    new RenditionView.SegmentView(
                        s.segmentIndex(),
                        s.startTime(),
                        s.duration(),
                        s.sizeBytes(),
                        s.storageKey()))
            .toList(),
        r.tileColumns() == null
            ? null
            : new RenditionView.Tiles(r.tileColumns(), r.tileRows(), r.tileDuration()));
  }
}
