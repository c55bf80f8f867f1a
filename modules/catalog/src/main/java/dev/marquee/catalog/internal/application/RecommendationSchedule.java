package dev.marquee.catalog.internal.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every server checks every few minutes whether the recommendations are due (enough new
 * completions, or a day old with anything new; {@link RecommendationService#startIfDue}); a compare
 * and set on one row lets one server of the fleet start the job.
 */
@ApplicationScoped
public class RecommendationSchedule {
  private static final Logger LOG = Logger.getLogger(RecommendationSchedule.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject RecommendationService recommendations;

  @Inject
  @ConfigProperty(name = "marquee.recommendations.check-minutes", defaultValue = "10")
  long checkMinutes;

  private ScheduledFuture<?> poller;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (checkMinutes > 0) {
      poller =
          scheduler.scheduleWithFixedDelay(
              this::checkSafely, checkMinutes, checkMinutes, TimeUnit.MINUTES);
    }
  }

  @PreDestroy
  void stop() {
    if (poller != null) {
      poller.cancel(false);
    }
  }

  private void checkSafely() {
    try {
      recommendations
          .startIfDue()
          .ifPresent(id -> LOG.info(() -> "Recommendations due: started execution " + id));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Checking whether recommendations are due failed; trying later", e);
    }
  }
}
