package dev.marquee.platform.internal.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM has headroom: a server that is out of heap should be restarted rather than
 * left serving errors. Dependencies are deliberately not part of liveness.
 */
@Liveness
@ApplicationScoped
public class ServerLivenessCheck implements HealthCheck {
  private static final double MAX_HEAP_USE = 0.95;

  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    double share = (double) used / runtime.maxMemory();
    return HealthCheckResponse.named("server")
        .status(share < MAX_HEAP_USE)
        .withData("heapUsedMb", used / (1024 * 1024))
        .withData("heapMaxMb", runtime.maxMemory() / (1024 * 1024))
        .build();
  }
}
