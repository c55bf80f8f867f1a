package dev.marquee.transcode.internal.application;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.AudioTrackAdded;
import dev.marquee.ingest.api.MasterIngested;
import dev.marquee.platform.api.BatchJobs;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
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
  static final String ADD_AUDIO_JOB = "add-audio";
  private static final Logger LOG = Logger.getLogger(TranscodeService.class.getName());

  @Inject TranscodeLedger ledger;
  @Inject BatchJobs jobs;

  void onMasterIngested(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) MasterIngested ingested) {
    start(ingested.titleId(), ingested.storageKey());
  }

  public TranscodeJob start(TitleId title, String masterKey) {
    TranscodeJob job = ledger.submit(title.value(), masterKey);
    Properties parameters = new Properties();
    parameters.setProperty("jobId", job.id().toString());
    long execution = jobs.start(JOB, parameters);
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

  /**
   * An audio track added to a title becomes a rendition of the title's newest transcode job,
   * through the add-audio job. A title whose transcode has not started yet gets it from its own
   * audio step, which also encodes added tracks.
   */
  void onAudioTrackAdded(@Observes AudioTrackAdded added) {
    List<TranscodeJob> titleJobs = ledger.jobsOfTitle(added.titleId().value());
    if (titleJobs.isEmpty()) {
      LOG.info(() -> "Title " + added.titleId() + " has no transcode job yet; audio waits for it");
      return;
    }
    TranscodeJob newest = titleJobs.get(0);
    Properties parameters = new Properties();
    parameters.setProperty("jobId", newest.id().toString());
    parameters.setProperty("language", added.track().language());
    parameters.setProperty("role", added.track().role());
    parameters.setProperty("storageKey", added.track().storageKey());
    long execution = jobs.start(ADD_AUDIO_JOB, parameters);
    LOG.info(
        () ->
            "Audio "
                + added.track().language()
                + " ("
                + added.track().role()
                + ") of title "
                + added.titleId()
                + ": add-audio execution "
                + execution);
  }

  /** Restarts a failed or stopped job: finished chunks are kept, the rest are encoded. */
  public long restart(UUID jobId) {
    TranscodeJob job = ledger.job(jobId);
    // A restart runs with the parameters it is given, not the first run's: pass them again.
    Properties parameters = new Properties();
    parameters.setProperty("jobId", jobId.toString());
    long execution = jobs.restart(job.executionId(), parameters);
    ledger.started(jobId, execution);
    return execution;
  }
}
