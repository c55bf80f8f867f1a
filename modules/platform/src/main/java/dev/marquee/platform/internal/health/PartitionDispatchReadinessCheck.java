package dev.marquee.platform.internal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
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

  /** Finds a JNDI name's object: the server's naming context, or a fixed answer in unit tests. */
  @FunctionalInterface
  interface Names {
    Object lookup(String name) throws NamingException;
  }

  @Inject
  @ConfigProperty(name = "batch.partitions", defaultValue = "local")
  String partitions;

  private final Names names;

  public PartitionDispatchReadinessCheck() {
    this(name -> new InitialContext().lookup(name));
  }

  PartitionDispatchReadinessCheck(Names names) {
    this.names = names;
  }

  /**
   * Built with the response's own constructor rather than Liberty's builder, so the answer can be
   * read in a unit test without a MicroProfile Health runtime.
   */
  @Override
  public HealthCheckResponse call() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mode", partitions);
    Optional<String> problem = problem();
    problem.ifPresent(error -> data.put("error", error));
    return new HealthCheckResponse(
        "batch-partitions", problem.isEmpty() ? Status.UP : Status.DOWN, Optional.of(data));
  }

  /** Why this server cannot take part in partition dispatch now; empty when it can. */
  Optional<String> problem() {
    if (!partitions.startsWith("jms")) {
      return Optional.empty();
    }
    try {
      return names.lookup(FACTORY) != null
          ? Optional.empty()
          : Optional.of(FACTORY + " is not configured");
    } catch (NamingException e) {
      return Optional.of(FACTORY + " is not configured: " + e);
    }
  }
}
