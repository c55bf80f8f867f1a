package dev.marquee.console.internal.catalog;

import dev.marquee.platform.api.BatchJobs;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How an added audio track's encoding stands: the batch status of the newest add-audio run for its
 * stored file, or a note that it waits for the title's own transcode (which encodes it too).
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
    return "no add-audio job yet (the title's transcode encodes it)";
  }
}
