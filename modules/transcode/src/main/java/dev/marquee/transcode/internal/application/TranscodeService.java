package dev.marquee.transcode.internal.application;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.MasterIngested;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Starts a transcode job for every ingested master. The job (Jakarta Batch, repository in
 * PostgreSQL) plans 2-second chunks, encodes chunk x rung partitions in parallel, packages and
 * publishes.
 */
@ApplicationScoped
public class TranscodeService {
  static final String JOB = "transcode-title";
  private static final Logger LOG = Logger.getLogger(TranscodeService.class.getName());

  @Inject TranscodeLedger ledger;

  void onMasterIngested(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) MasterIngested ingested) {
    start(ingested.titleId(), ingested.storageKey());
  }

  public TranscodeJob start(TitleId title, String masterKey) {
    TranscodeJob job = ledger.submit(title.value(), masterKey);
    Properties parameters = new Properties();
    parameters.setProperty("jobId", job.id().toString());
    long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
    ledger.started(job.id(), execution);
    LOG.info(
        () ->
            "Transcode job "
                + job.id()
                + " (execution "
                + execution
                + ") started for title "
                + title);
    return ledger.job(job.id());
  }

  /** Restarts a failed or stopped job: finished chunks are kept, the rest are encoded. */
  public long restart(UUID jobId) {
    TranscodeJob job = ledger.job(jobId);
    // A restart runs with the parameters it is given, not the first run's: pass them again.
    Properties parameters = new Properties();
    parameters.setProperty("jobId", jobId.toString());
    long execution = BatchRuntime.getJobOperator().restart(job.executionId(), parameters);
    ledger.started(jobId, execution);
    return execution;
  }
}
