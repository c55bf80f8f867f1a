package dev.marquee.platform.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The {@code batch-partitions} readiness check's decision: in a {@code jms} mode a server without
 * the batch queue's connection factory (here: no JNDI at all, as on a server whose configuration
 * lost it) is not ready and says which factory is missing, so it never silently encodes every
 * partition itself. The check's answer over HTTP in a running server is read by the system tests'
 * readiness waits.
 */
class PartitionDispatchReadinessCheckTest {
  private static PartitionDispatchReadinessCheck check(String mode) {
    PartitionDispatchReadinessCheck check = new PartitionDispatchReadinessCheck();
    check.partitions = mode;
    return check;
  }

  @Test
  void aJmsModeWithoutTheConnectionFactoryIsNotReadyAndNamesIt() {
    assertThat(check("jms").problem())
        .hasValueSatisfying(problem -> assertThat(problem).contains("jms/marquee/batch"));
    assertThat(check("jms-dispatcher").problem()).isPresent();
  }

  @Test
  void partitionsRunHereNeedNoMessagingAndAreReady() {
    assertThat(check("local").problem()).isEmpty();
  }
}
