package dev.marquee.platform.internal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    if (!partitions.startsWith("jms")) {
      return response.up().build();
    }
    try {
      Object factory = new InitialContext().lookup(FACTORY);
      return response.status(factory != null).build();
    } catch (NamingException e) {
      return response.down().withData("error", FACTORY + " is not configured: " + e).build();
    }
  }
}
