package dev.marquee.platform.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchIdentityReadinessCheckTest {
  @Test
  void productionWithJobsRunAsTheirCallerIsRefusedSayingWhatToSet() {
    assertThat(BatchIdentityReadinessCheck.problem("production", "caller"))
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("MARQUEE_BATCH_IDENTITY=service-user"));
  }

  @Test
  void productionWithTheServiceUserIsAccepted() {
    assertThat(BatchIdentityReadinessCheck.problem("production", "service-user")).isEmpty();
  }

  @Test
  void developmentAcceptsTheCallerIdentity() {
    assertThat(BatchIdentityReadinessCheck.problem("development", "caller")).isEmpty();
  }
}
