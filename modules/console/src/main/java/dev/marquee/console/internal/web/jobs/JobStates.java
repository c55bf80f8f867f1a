package dev.marquee.console.internal.web.jobs;

import jakarta.batch.runtime.BatchStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Jobs by the group of batch states the dashboard counts and the job console filters by: running
 * (STARTING, STARTED, STOPPING) and failed (FAILED); others (COMPLETED, STOPPED, ABANDONED) are
 * neither.
 */
public final class JobStates {
  private JobStates() {}

  public enum Group {
    RUNNING("running"),
    FAILED("failed");

    private final String label;

    Group(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The group a {@code ?state=} value names (any case); empty for blank or unknown. */
    public static Optional<Group> of(String value) {
      if (value == null || value.isBlank()) {
        return Optional.empty();
      }
      String v = value.strip().toUpperCase(Locale.ROOT);
      for (Group g : values()) {
        if (g.name().equals(v)) {
          return Optional.of(g);
        }
      }
      return Optional.empty();
    }
  }

  /** The group of a batch status, null when it is in none. */
  public static Group groupOf(String status) {
    for (BatchStatus s : BatchStatus.values()) {
      if (s.name().equals(status)) {
        return switch (s) {
          case STARTING, STARTED, STOPPING -> Group.RUNNING;
          case FAILED -> Group.FAILED;
          default -> null;
        };
      }
    }
    return null;
  }

  /** How many of the rows are in the group. */
  public static long count(List<JobRow> rows, Group group) {
    return rows.stream().filter(r -> groupOf(r.status()) == group).count();
  }
}
