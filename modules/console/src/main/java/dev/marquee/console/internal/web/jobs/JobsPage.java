package dev.marquee.console.internal.web.jobs;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The job console's list, newest first; {@code ?state=running} or {@code ?state=failed} (the
 * dashboard's links) keeps only the jobs in that group of states ({@link JobStates}).
 */
@Named
@RequestScoped
public class JobsPage {
  @Inject RecentJobs recent;

  private String state;
  private List<JobRow> rows;

  public List<JobRow> getJobs() {
    if (rows == null) {
      JobStates.Group group = JobStates.Group.of(state).orElse(null);
      rows =
          recent.rows().stream()
              .filter(r -> group == null || JobStates.groupOf(r.status()) == group)
              .toList();
    }
    return rows;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public int getShown() {
    return RecentJobs.SHOWN;
  }

  /** What the list shows, for the page's heading. */
  public String getShowing() {
    return JobStates.Group.of(state).map(g -> "Only " + g.label() + " jobs").orElse("All jobs");
  }
}
