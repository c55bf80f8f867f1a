package dev.marquee.transcode.internal.application;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.transcode.api.JobAction;
import dev.marquee.transcode.api.JobGrid;
import dev.marquee.transcode.api.JobSummary;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.api.TranscodeFacade;
import dev.marquee.transcode.api.WorkerServers;
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
  @Inject RenditionViews renditionViews;

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
    return renditionViews.ofTitle(title.value());
  }
}
