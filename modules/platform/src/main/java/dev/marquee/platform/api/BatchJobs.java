package dev.marquee.platform.api;

import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import java.util.List;
import java.util.Properties;

/**
 * Starts and reads Jakarta Batch jobs as Marquee's batch service identity, not as the user whose
 * request caused them: a job's partitions may run on other servers (ADR 10), which recreate the
 * submitter's identity from their user registry, and a viewer's or creator's token identity cannot
 * be recreated there. Modules check who may do what before they call this.
 */
public interface BatchJobs {
  /** Starts the job (its XML name) and returns the execution id. */
  long start(String job, Properties parameters);

  /** Restarts a failed or stopped execution and returns the new execution id. */
  long restart(long executionId, Properties parameters);

  /**
   * @throws jakarta.batch.operations.NoSuchJobExecutionException if there is none
   */
  JobExecution execution(long executionId);

  List<StepExecution> steps(long executionId);

  /** Asks a running execution to stop (its steps stop at their next check). */
  void stop(long executionId);

  /** Marks a finished (failed or stopped) execution abandoned: it can never be restarted. */
  void abandon(long executionId);

  /** The newest executions of the job (its XML name), newest first, at most {@code count}. */
  List<JobExecution> recentExecutions(String job, int count);
}
