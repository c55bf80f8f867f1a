package dev.marquee.accounts.internal.application;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;

/** Starts the accounts module's housekeeping jobs (Jakarta Batch, repository in PostgreSQL). */
@ApplicationScoped
public class HousekeepingService {
  static final String PURGE_JOB = "purge-expired-credentials";

  /** Starts the purge and returns its job execution id. */
  public long startCredentialPurge() {
    JobOperator operator = BatchRuntime.getJobOperator();
    return operator.start(PURGE_JOB, new Properties());
  }
}
