package dev.marquee.console.internal.catalog;

import dev.marquee.platform.api.BatchJobs;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How an added audio track's encoding stands: the batch status of the newest add-audio run for its
 * stored file among the newest {@link #LOOKED_AT}; a title whose transcode has not started yet
 * encodes its added tracks in that transcode instead.
 */
@ApplicationScoped
public class AudioEncodings {
  static final String JOB = "add-audio";
  static final int LOOKED_AT = 50;

  @Inject BatchJobs batch;

  public String stateOf(String storageKey) {
    for (JobExecution e : batch.recentExecutions(JOB, LOOKED_AT)) {
      if (storageKey.equals(e.getJobParameters().getProperty("storageKey"))) {
        return "add-audio job " + e.getExecutionId() + ": " + e.getBatchStatus().name();
      }
    }
    // Not among the recent runs: an older track, or one waiting for the title's own transcode.
    return "no recent add-audio job";
  }
}
