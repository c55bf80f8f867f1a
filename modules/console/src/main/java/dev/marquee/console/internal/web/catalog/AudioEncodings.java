package dev.marquee.console.internal.web.catalog;

import dev.marquee.platform.api.BatchJobs;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** Each stored file's state, the recent add-audio runs read once for all of them. */
  public Map<String, String> statesOf(List<String> storageKeys) {
    Map<String, String> states = new HashMap<>();
    for (JobExecution e : batch.recentExecutions(JOB, LOOKED_AT)) {
      String key = e.getJobParameters().getProperty("storageKey");
      // Runs come newest first: the first one for a file is its state.
      if (storageKeys.contains(key) && !states.containsKey(key)) {
        states.put(key, "add-audio job " + e.getExecutionId() + ": " + e.getBatchStatus().name());
      }
    }
    // Not among the recent runs: an older track, or one waiting for the title's own transcode.
    storageKeys.forEach(k -> states.putIfAbsent(k, "no recent add-audio job"));
    return states;
  }
}
