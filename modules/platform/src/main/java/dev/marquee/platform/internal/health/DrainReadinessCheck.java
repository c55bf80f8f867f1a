package dev.marquee.platform.internal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while an operator drains this server before stopping it (ADR 33): the drain file exists and
 * was made since this JVM started. The load balancer then sends the server no new requests while
 * the ones it has finish; a file left from before a restart is ignored, so a server that comes back
 * takes traffic again without anyone removing it. The file is {@code MARQUEE_DRAIN_FILE}, by
 * default {@code drain} in Liberty's working directory (the server's output folder, {@code
 * ${server.output.dir}}). Only someone with access to the server's files can drain it.
 */
@Readiness
@ApplicationScoped
public class DrainReadinessCheck implements HealthCheck {
  private final Path drainFile;
  private final Instant started;

  @Inject
  public DrainReadinessCheck(
      @ConfigProperty(name = "marquee.drain.file", defaultValue = "drain") String drainFile) {
    this(
        Path.of(drainFile).toAbsolutePath(),
        Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
  }

  DrainReadinessCheck(Path drainFile, Instant started) {
    this.drainFile = drainFile;
    this.started = started;
  }

  /** CDI's proxy needs a constructor without arguments; never used to answer. */
  protected DrainReadinessCheck() {
    this.drainFile = null;
    this.started = null;
  }

  @Override
  public HealthCheckResponse call() {
    // No path in the answer: in production /health is public (ADR 32).
    var response = HealthCheckResponse.named("drain");
    return draining()
        ? response.down().withData("state", "draining").build()
        : response.up().build();
  }

  /** Whether the drain file exists and is newer than this JVM. */
  boolean draining() {
    try {
      return Files.exists(drainFile)
          && !Files.getLastModifiedTime(drainFile).toInstant().isBefore(started);
    } catch (IOException e) {
      // Removed between the two calls: not draining.
      return false;
    }
  }
}
