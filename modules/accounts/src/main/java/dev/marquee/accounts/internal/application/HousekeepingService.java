package dev.marquee.accounts.internal.application;

import dev.marquee.platform.api.BatchJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;

/** Starts the accounts module's housekeeping jobs (Jakarta Batch, repository in PostgreSQL). */
@ApplicationScoped
public class HousekeepingService {
  static final String PURGE_JOB = "purge-expired-credentials";

  @Inject BatchJobs jobs;

  /** Starts the purge and returns its job execution id. */
  public long startCredentialPurge() {
    return jobs.start(PURGE_JOB, new Properties());
  }
}
