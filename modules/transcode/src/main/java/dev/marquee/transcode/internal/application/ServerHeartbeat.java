package dev.marquee.transcode.internal.application;

import dev.marquee.transcode.internal.persistence.ServerRegistryQuery;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Every few seconds this server writes its heartbeat: its id (the one its chunk records carry), how
 * it takes partitions ({@code batch.partitions}) and whether every one of Marquee's readiness
 * checks (the ones behind {@code /health/ready}: database, storage, partition dispatch, drain...)
 * is up now. The job console's worker servers page reads these rows; it is the only place where one
 * server learns about the others.
 */
@ApplicationScoped
public class ServerHeartbeat {
  private static final Logger LOG = Logger.getLogger(ServerHeartbeat.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject ServerRegistryQuery registry;
  @Inject TranscodeSettings settings;
  @Inject @Readiness Instance<HealthCheck> readiness;

  @Inject
  @ConfigProperty(name = "batch.partitions", defaultValue = "local")
  String partitions;

  @Inject
  @ConfigProperty(name = "marquee.servers.heartbeat-seconds", defaultValue = "10")
  long seconds;

  private final Instant startedAt = Instant.now();
  private ScheduledFuture<?> beats;
  private volatile boolean failing;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (seconds > 0) {
      beats = scheduler.scheduleWithFixedDelay(this::beatSafely, 1, seconds, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  void stop() {
    if (beats != null) {
      beats.cancel(false);
    }
  }

  public Duration period() {
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  /** Whether a server in this mode encodes partitions: all but a dispatch-only server do. */
  static boolean takesPartitions(String mode) {
    return !"jms-dispatcher".equals(mode);
  }

  private void beatSafely() {
    try {
      List<String> down = new ArrayList<>();
      for (HealthCheck check : readiness) {
        HealthCheckResponse r = check.call();
        if (r.getStatus() != HealthCheckResponse.Status.UP) {
          down.add(r.getName());
        }
      }
      registry.beat(
          new ServerRegistryQuery.Beat(
              settings.serverId(),
              partitions,
              takesPartitions(partitions),
              down.isEmpty(),
              down.isEmpty() ? null : String.join(", ", down),
              startedAt));
      if (failing) {
        LOG.info("The server heartbeat is written again");
      }
      failing = false;
    } catch (SQLException | RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "Writing the server heartbeat failed; trying again", e);
      }
      failing = true;
    }
  }
}
