package dev.marquee.transcode.internal.application;

import dev.marquee.platform.api.BatchJobs;
import dev.marquee.platform.api.PartitionDispatch;
import dev.marquee.transcode.internal.domain.ChunkTask;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Restarts transcode jobs that were interrupted rather than failed, without an operator: every
 * server looks every few seconds for jobs whose own ledger says unfinished while Jakarta Batch says
 * FAILED. A job that fails by itself records it in the ledger first (the job listener's afterJob,
 * which runs before the batch status is stored); a job whose server died never ran its listener,
 * and Liberty marks such an execution FAILED when a server of the fleet starts again (or when a
 * partition's server was lost). An execution must stay FAILED without progress for a while before
 * it counts ({@link InterruptionWitness}). The restart keeps every finished chunk (ADR 7), and a
 * row lock lets one server win; a job is restarted this way at most {@link #LIMIT} times. A job
 * whose partitions could not be handed out (the messaging server away) is restarted only once
 * partitions can be dispatched again.
 */
@ApplicationScoped
public class InterruptedJobRecovery {
  private static final Logger LOG = Logger.getLogger(InterruptedJobRecovery.class.getName());
  static final int LIMIT = 3;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject TranscodeLedger ledger;
  @Inject TranscodeService service;
  @Inject BatchJobs jobs;
  @Inject PartitionDispatch dispatch;

  private final InterruptionWitness witness = new InterruptionWitness();
  private final Clock clock = Clock.systemUTC();
  private ScheduledFuture<?> poller;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    poller = scheduler.scheduleWithFixedDelay(this::sweepSafely, 5, 3, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (poller != null) {
      poller.cancel(false);
    }
  }

  private void sweepSafely() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Looking for interrupted transcode jobs failed; trying again", e);
    }
  }

  void sweep() {
    List<TranscodeJob> unfinished = ledger.unfinishedJobs();
    witness.keepOnly(unfinished.stream().map(TranscodeJob::id).collect(Collectors.toSet()));
    for (TranscodeJob job : unfinished) {
      long execution = job.executionId();
      BatchStatus status;
      try {
        status = jobs.execution(execution).getBatchStatus();
      } catch (NoSuchJobExecutionException e) {
        continue;
      }
      if (status != BatchStatus.FAILED) {
        witness.clear(job.id());
        continue;
      }
      if (job.isAwaitingDispatch()) {
        // Its own listener saw it end without handing out a partition: no need to witness that
        // it is over, only to wait until partitions can go somewhere.
        if (!dispatch.available()) {
          continue;
        }
      } else if (!witness.failedAndStill(job.id(), execution, progress(job.id()), clock.instant())
          || !dispatch.available()) {
        continue;
      }
      boolean awaited = job.isAwaitingDispatch();
      if (ledger.claimAutomaticRestart(job.id(), execution, LIMIT)) {
        long next = service.restart(job.id());
        String why =
            awaited
                ? " could not hand out its partitions (execution "
                    + execution
                    + "; the messaging server was away) and partitions can be dispatched again"
                : " was interrupted (execution "
                    + execution
                    + " FAILED for "
                    + InterruptionWitness.CONFIRM.toSeconds()
                    + " s without progress or the job failing; a server died?)";
        LOG.warning(
            () ->
                "Transcode job "
                    + job.id()
                    + why
                    + ": restarted as execution "
                    + next
                    + ", finished chunks kept");
      }
    }
  }

  /** Grows while the job works: chunks started and finished, renditions recorded. */
  private long progress(UUID jobId) {
    long progress = ledger.renditions(jobId).size();
    for (ChunkTask task : ledger.tasks(jobId)) {
      progress += task.attempts() + (task.isDone() ? 1 : 0);
    }
    return progress;
  }
}
