package dev.marquee.transcode.api;

import dev.marquee.catalog.api.TitleId;
import java.time.Instant;
import java.util.UUID;

/**
 * A transcode job as the job console lists it: its batch status (STARTING, STARTED, STOPPING,
 * STOPPED, FAILED, COMPLETED, ABANDONED), how many chunk x rung tasks are done, and when it started
 * and (if it has) ended.
 */
public record JobSummary(
    UUID id,
    TitleId title,
    String status,
    int tasksDone,
    int tasksTotal,
    Instant createdAt,
    Instant endedAt,
    String failure) {

  /** Done tasks in percent (0 before the job is planned). */
  public int percentDone() {
    return tasksTotal == 0 ? 0 : (int) (100L * tasksDone / tasksTotal);
  }
}
