package dev.marquee.console.internal.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobStatesTest {
  private static JobRow row(String status) {
    return new JobRow("transcode", "1", status, "t", 0, Instant.EPOCH, null, null);
  }

  @Test
  void runningAndFailedAreCountedByBatchStatus() {
    List<JobRow> rows =
        List.of(
            row("STARTING"),
            row("STARTED"),
            row("STOPPING"),
            row("FAILED"),
            row("COMPLETED"),
            row("STOPPED"),
            row("ABANDONED"));
    assertThat(JobStates.count(rows, JobStates.Group.RUNNING)).isEqualTo(3);
    assertThat(JobStates.count(rows, JobStates.Group.FAILED)).isEqualTo(1);
    assertThat(JobStates.groupOf("COMPLETED")).isNull();
  }

  @Test
  void theFilterParameterNamesAGroupInAnyCase() {
    assertThat(JobStates.Group.of("failed")).contains(JobStates.Group.FAILED);
    assertThat(JobStates.Group.of(" Running ")).contains(JobStates.Group.RUNNING);
    assertThat(JobStates.Group.of("")).isEmpty();
    assertThat(JobStates.Group.of("broken")).isEmpty();
    assertThat(JobStates.Group.of(null)).isEmpty();
  }
}
