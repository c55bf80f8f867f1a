package dev.marquee.transcode.internal.application;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.platform.api.BatchJobs;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.transcode.api.ChunkCell;
import dev.marquee.transcode.api.JobAction;
import dev.marquee.transcode.api.JobGrid;
import dev.marquee.transcode.api.JobSummary;
import dev.marquee.transcode.internal.domain.ChunkTask;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the job console shows of transcode jobs and does to them: the newest jobs with their batch
 * status and progress, a job's rungs x chunks, and restart, stop and abandon, each recorded in
 * {@code transcode.job_actions} with who did it.
 */
@ApplicationScoped
public class JobConsole {
  private static final Set<BatchStatus> FINISHED_UNSUCCESSFULLY =
      EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED);
  private static final Set<BatchStatus> RUNNING =
      EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED);

  @Inject TranscodeLedger ledger;
  @Inject TranscodeService service;
  @Inject BatchJobs jobs;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  public List<JobSummary> recent(int limit) {
    return ledger.recentJobs(limit).stream().map(j -> summary(j, ledger.tasks(j.id()))).toList();
  }

  public Optional<JobGrid> grid(UUID jobId) {
    Optional<TranscodeJob> found = ledger.findJob(jobId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TranscodeJob job = found.get();
    List<ChunkTask> tasks = new ArrayList<>(ledger.tasks(jobId));
    JobSummary summary = summary(job, tasks);
    tasks.sort(
        Comparator.comparingInt((ChunkTask t) -> rungHeight(t.rung()))
            .thenComparing(ChunkTask::rung)
            .thenComparingInt(ChunkTask::chunkIndex));
    List<String> rungs = tasks.stream().map(ChunkTask::rung).distinct().toList();
    BatchStatus jobStatus = BatchStatus.valueOf(summary.status());
    List<ChunkCell> cells =
        tasks.stream()
            .map(
                t -> {
                  ChunkCell.State state = cellState(t, jobStatus);
                  String reason = state == ChunkCell.State.FAILED ? failureOf(job) : null;
                  return new ChunkCell(
                      t.rung(), t.chunkIndex(), state, t.attempts(), t.encodedBy(), reason);
                })
            .toList();
    return Optional.of(
        new JobGrid(summary, rungs, job.isPlanned() ? job.chunkCount() : 0, cells, audit(jobId)));
  }

  /** Does the action as the actor; a job in the wrong state for it is a 409 problem. */
  public JobSummary act(UUID jobId, JobAction action, UUID actor) {
    TranscodeJob job =
        ledger
            .findJob(jobId)
            .orElseThrow(() -> ProblemException.notFound("job-not-found", "No job " + jobId + "."));
    BatchStatus status = status(job);
    Long execution = job.executionId();
    try {
      switch (action) {
        case RESTART -> {
          requireStatus(
              jobId, status, FINISHED_UNSUCCESSFULLY, "only failed or stopped jobs restart");
          execution = service.restart(jobId);
        }
        case STOP -> {
          requireStatus(jobId, status, RUNNING, "only running jobs stop");
          jobs.stop(execution);
        }
        case ABANDON -> {
          requireStatus(
              jobId, status, FINISHED_UNSUCCESSFULLY, "only failed or stopped jobs are abandoned");
          jobs.abandon(execution);
        }
      }
    } catch (JobRestartException
        | JobExecutionNotMostRecentException
        | JobExecutionNotRunningException
        | JobExecutionIsRunningException e) {
      throw ProblemException.conflict(
          "job-action-refused",
          action + " of job " + jobId + " was refused by the batch runtime: " + e.getMessage());
    }
    record(jobId, action, actor, execution);
    return summary(ledger.job(jobId), ledger.tasks(jobId));
  }

  private static void requireStatus(
      UUID jobId, BatchStatus status, Set<BatchStatus> allowed, String rule) {
    if (!allowed.contains(status)) {
      throw ProblemException.conflict(
          "job-action-refused", "Job " + jobId + " is " + status + "; " + rule + ".");
    }
  }

  private JobSummary summary(TranscodeJob job, List<ChunkTask> tasks) {
    Instant ended = null;
    BatchStatus status = BatchStatus.STARTING;
    if (job.executionId() != null) {
      JobExecution execution = jobs.execution(job.executionId());
      status = execution.getBatchStatus();
      ended = execution.getEndTime() == null ? null : execution.getEndTime().toInstant();
    }
    int done = (int) tasks.stream().filter(ChunkTask::isDone).count();
    return new JobSummary(
        job.id(),
        new TitleId(job.titleId()),
        status.name(),
        done,
        tasks.size(),
        job.createdAt().toInstant(),
        ended,
        job.failure());
  }

  private BatchStatus status(TranscodeJob job) {
    return job.executionId() == null
        ? BatchStatus.STARTING
        : jobs.execution(job.executionId()).getBatchStatus();
  }

  private static ChunkCell.State cellState(ChunkTask t, BatchStatus jobStatus) {
    if (t.isDone()) {
      return t.attempts() > 1 ? ChunkCell.State.RETRIED : ChunkCell.State.DONE;
    }
    if (t.attempts() == 0) {
      return ChunkCell.State.PENDING;
    }
    return RUNNING.contains(jobStatus) || jobStatus == BatchStatus.STOPPING
        ? ChunkCell.State.RUNNING
        : ChunkCell.State.FAILED;
  }

  private static String failureOf(TranscodeJob job) {
    return job.failure() == null ? "the job ended before this chunk was encoded" : job.failure();
  }

  /** 1080p sorts above 720p: rungs are ordered by the height in their name. */
  static int rungHeight(String rung) {
    String digits = rung.replaceAll("\\D.*$", "");
    return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }

  private void record(UUID jobId, JobAction action, UUID actor, Long execution) {
    try (Connection c = db.getConnection()) {
      PlainSql.update(
          c,
          "INSERT INTO transcode.job_actions (job_id, action, actor_id, execution_id)"
              + " VALUES (?,?,?,?)",
          jobId,
          action.name(),
          actor,
          execution);
    } catch (SQLException e) {
      throw new IllegalStateException("recording " + action + " of job " + jobId + " failed", e);
    }
  }

  private List<String> audit(UUID jobId) {
    try (Connection c = db.getConnection()) {
      List<String> lines = new ArrayList<>();
      for (JsonValue row :
          PlainSql.jsonRows(
              c,
              "SELECT at, action, actor_id AS actor, execution_id AS execution"
                  + " FROM transcode.job_actions WHERE job_id = ? ORDER BY id",
              jobId)) {
        JsonObject r = row.asJsonObject();
        lines.add(
            r.getString("at")
                + " "
                + r.getString("action")
                + " by "
                + r.getString("actor")
                + " (execution "
                + r.get("execution")
                + ")");
      }
      return lines;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the actions of job " + jobId + " failed", e);
    }
  }
}
