package dev.marquee.platform.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import javax.naming.NameNotFoundException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/**
 * The {@code batch-partitions} readiness answer: in a {@code jms} mode a server without the batch
 * queue's connection factory is DOWN and says which factory is missing, so it never silently
 * encodes every partition itself; partitions run on local threads need no messaging. The answer
 * over HTTP in a running server is read by the system tests' readiness waits.
 */
class PartitionDispatchReadinessCheckTest {
  /** A naming context in which nothing is bound, as on a server whose configuration lost it. */
  private static final PartitionDispatchReadinessCheck.Names NOTHING_BOUND =
      name -> {
        throw new NameNotFoundException(name + " not found in the naming context");
      };

  /** The factory is bound under its name (any object will do for the check). */
  private static final PartitionDispatchReadinessCheck.Names FACTORY_BOUND =
      name -> name.equals(PartitionDispatchReadinessCheck.FACTORY) ? new Object() : null;

  private static HealthCheckResponse answer(
      String mode, PartitionDispatchReadinessCheck.Names names) {
    PartitionDispatchReadinessCheck check = new PartitionDispatchReadinessCheck(names);
    check.partitions = mode;
    return check.call();
  }

  @Test
  void aJmsModeWithoutTheConnectionFactoryIsDownAndNamesIt() {
    for (String mode : new String[] {"jms", "jms-dispatcher", "jms-worker"}) {
      HealthCheckResponse answer = answer(mode, NOTHING_BOUND);
      assertThat(answer.getName()).isEqualTo("batch-partitions");
      assertThat(answer.getStatus()).as(mode).isEqualTo(Status.DOWN);
      assertThat(answer.getData())
          .hasValueSatisfying(
              data -> {
                assertThat(data).containsEntry("mode", mode);
                assertThat(String.valueOf(data.get("error")))
                    .contains("jms/marquee/batch")
                    .contains("is not configured");
              });
    }
  }

  @Test
  void aJmsModeWhoseFactoryLookupFindsNothingIsDown() {
    HealthCheckResponse answer = answer("jms", name -> null);
    assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
    assertThat(answer.getData())
        .hasValueSatisfying(
            data -> assertThat(data).containsEntry("error", "jms/marquee/batch is not configured"));
  }

  @Test
  void aJmsModeWithTheConnectionFactoryIsUp() {
    HealthCheckResponse answer = answer("jms", FACTORY_BOUND);
    assertThat(answer.getStatus()).isEqualTo(Status.UP);
    assertThat(answer.getData())
        .hasValueSatisfying(data -> assertThat(data).doesNotContainKey("error"));
  }

  @Test
  void partitionsRunHereNeedNoMessagingAndAreUp() {
    // Nothing is bound, and local mode does not care: it never looks the factory up.
    HealthCheckResponse answer = answer("local", NOTHING_BOUND);
    assertThat(answer.getStatus()).isEqualTo(Status.UP);
    assertThat(answer.getData())
        .hasValueSatisfying(
            data -> assertThat(data).containsEntry("mode", "local").doesNotContainKey("error"));
  }
}
