package dev.marquee.console.internal.web.jobs;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.platform.api.BatchJobs;
import dev.marquee.transcode.api.JobSummary;
import dev.marquee.transcode.api.TranscodeFacade;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The jobs the job console lists: transcode jobs (with their title and chunk progress) from
 * transcode's facade, add-audio, housekeeping and recommendation runs from the batch runtime, the
 * newest {@link #SHOWN} of each, newest first. The dashboard counts the same rows.
 */
@ApplicationScoped
public class RecentJobs {
  static final int SHOWN = 50;
  static final List<String> OTHER_JOBS =
      List.of("add-audio", "purge-expired-credentials", "compute-recommendations");

  @Inject TranscodeFacade transcode;
  @Inject CatalogFacade catalog;
  @Inject BatchJobs batch;

  public List<JobRow> rows() {
    List<JobRow> rows = new ArrayList<>();
    for (JobSummary job : transcode.recentJobs(SHOWN)) {
      rows.add(
          new JobRow(
              "transcode",
              job.id().toString(),
              job.status(),
              catalog.title(job.title()).map(TitleView::name).orElse(job.title().toString()),
              job.percentDone(),
              job.createdAt(),
              job.endedAt(),
              "job.xhtml?id=" + job.id()));
    }
    for (String name : OTHER_JOBS) {
      for (JobExecution e : batch.recentExecutions(name, SHOWN)) {
        boolean over = e.getEndTime() != null;
        rows.add(
            new JobRow(
                kind(name),
                Long.toString(e.getExecutionId()),
                e.getBatchStatus().name(),
                subject(name, e),
                over ? 100 : 0,
                e.getCreateTime().toInstant(),
                over ? e.getEndTime().toInstant() : null,
                null));
      }
    }
    rows.sort(Comparator.comparing(JobRow::started).reversed());
    return rows;
  }

  private static String kind(String job) {
    return switch (job) {
      case "add-audio" -> "add-audio";
      case "compute-recommendations" -> "recommendations";
      default -> "housekeeping";
    };
  }

  private static String subject(String job, JobExecution e) {
    return switch (job) {
      case "add-audio" -> "language " + e.getJobParameters().getProperty("language", "?");
      case "compute-recommendations" -> "every profile";
      default -> "expired credentials";
    };
  }
}
