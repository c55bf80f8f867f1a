package dev.marquee.transcode.api;

import dev.marquee.catalog.api.TitleId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules (playback) may ask of transcode. */
public interface TranscodeFacade {
  /** The renditions of the title's latest published transcode, lowest first; empty if none. */
  List<RenditionView> renditions(TitleId title);

  /** The newest transcode jobs of all titles, newest first (the job console's list). */
  List<JobSummary> recentJobs(int limit);

  /** A job's rungs x chunks with each chunk's state and server, and the actions taken on it. */
  Optional<JobGrid> jobGrid(UUID jobId);

  /**
   * Restarts, stops or abandons the job on behalf of {@code actor} (an account id; the caller has
   * checked the actor is an operator or admin) and records who did it. A job in the wrong state is
   * a 409 {@code job-action-refused} problem, an unknown one 404 {@code job-not-found}.
   */
  JobSummary act(UUID jobId, JobAction action, UUID actor);

  /**
   * The servers known from their heartbeats or from the chunks they encoded: how each takes
   * partitions, its readiness at its last heartbeat, and its chunks in total and in the last 24 h.
   */
  WorkerServers workerServers();
}
