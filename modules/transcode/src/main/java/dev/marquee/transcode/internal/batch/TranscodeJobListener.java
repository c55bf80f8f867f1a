package dev.marquee.transcode.internal.batch;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.platform.api.PartitionDispatch;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Marks the title PROCESSING while the job runs, and records why when it fails. A job whose
 * partitions could not be handed out at all (over messaging, with no chunk ever started: the
 * messaging server was away) has not failed: it stays unfinished, and {@code
 * InterruptedJobRecovery} restarts it once partitions can be dispatched again.
 */
@Named("transcodeJobListener")
@Dependent
public class TranscodeJobListener extends AbstractJobListener {
  private static final Logger LOG = Logger.getLogger(TranscodeJobListener.class.getName());

  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject JobContext job;
  @Inject TranscodeLedger ledger;
  @Inject CatalogFacade catalog;
  @Inject PartitionDispatch dispatch;

  @Override
  public void beforeJob() {
    catalog.changeState(titleId(), TitleState.PROCESSING);
  }

  @Override
  public void afterJob() {
    if (job.getBatchStatus() == BatchStatus.FAILED) {
      JobOperator operator = BatchRuntime.getJobOperator();
      if (newestExecution(operator) != job.getExecutionId()) {
        // A newer execution of this job (a restart after a server died) owns the title now.
        return;
      }
      if (dispatch.overMessaging() && noChunkStarted()) {
        ledger.awaitingDispatch(UUID.fromString(jobId));
        LOG.warning(
            () ->
                "Transcode job "
                    + jobId
                    + ": no partition could be handed out (is the messaging server reachable?);"
                    + " the job waits and is restarted once partitions can be dispatched");
        return;
      }
      String reason = "job failed";
      for (StepExecution step : operator.getStepExecutions(job.getExecutionId())) {
        if (step.getBatchStatus() == BatchStatus.FAILED) {
          reason = "step " + step.getStepName() + " failed: " + step.getExitStatus();
        }
      }
      ledger.failed(UUID.fromString(jobId), reason);
      catalog.changeState(titleId(), TitleState.FAILED);
    }
  }

  /** The newest execution of this job's instance (this one unless it was restarted meanwhile). */
  private long newestExecution(JobOperator operator) {
    long newest = job.getExecutionId();
    for (JobExecution execution :
        operator.getJobExecutions(operator.getJobInstance(job.getExecutionId()))) {
      newest = Math.max(newest, execution.getExecutionId());
    }
    return newest;
  }

  private boolean noChunkStarted() {
    return ledger.tasks(UUID.fromString(jobId)).stream().allMatch(task -> task.attempts() == 0);
  }

  private TitleId titleId() {
    return new TitleId(ledger.job(UUID.fromString(jobId)).titleId());
  }
}
