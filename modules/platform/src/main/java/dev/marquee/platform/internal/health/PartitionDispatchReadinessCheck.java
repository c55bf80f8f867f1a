package dev.marquee.platform.internal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * In a {@code jms} partitions mode (ADR 10), the server is ready once the batch queue's JMS
 * connection factory exists: looking it up also makes Liberty create it, which the batch JMS
 * dispatcher and executor need. Without it a server would quietly run every partition itself.
 */
@Readiness
@ApplicationScoped
public class PartitionDispatchReadinessCheck implements HealthCheck {
  static final String FACTORY = "jms/marquee/batch";

  @Inject
  @ConfigProperty(name = "batch.partitions", defaultValue = "local")
  String partitions;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("batch-partitions").withData("mode", partitions);
    Optional<String> problem = problem();
    return problem.isEmpty()
        ? response.up().build()
        : response.down().withData("error", problem.get()).build();
  }

  /** Why this server cannot take part in partition dispatch now; empty when it can. */
  Optional<String> problem() {
    if (!partitions.startsWith("jms")) {
      return Optional.empty();
    }
    try {
      return new InitialContext().lookup(FACTORY) != null
          ? Optional.empty()
          : Optional.of(FACTORY + " is not configured");
    } catch (NamingException e) {
      return Optional.of(FACTORY + " is not configured: " + e);
    }
  }
}
