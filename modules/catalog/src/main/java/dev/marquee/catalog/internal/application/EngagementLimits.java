package dev.marquee.catalog.internal.application;

import dev.marquee.platform.api.RateLimit;
import dev.marquee.platform.api.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-account limits on what feeds the moderation queue and popularity: a flood of reports or of
 * like/unlike toggles from one account is refused with 429 before it reaches the database.
 */
@ApplicationScoped
public class EngagementLimits {
  @Inject RateLimiter limiter;

  @Inject
  @ConfigProperty(name = "marquee.rate-limit.reports-per-account", defaultValue = "10/1h")
  String reportsPerAccount;

  @Inject
  @ConfigProperty(name = "marquee.rate-limit.likes-per-account", defaultValue = "60/1m")
  String likesPerAccount;

  private RateLimit reports;
  private RateLimit likes;

  @PostConstruct
  void read() {
    reports = RateLimit.parse("reports-per-account", reportsPerAccount);
    likes = RateLimit.parse("likes-per-account", likesPerAccount);
  }

  public void report(UUID account) {
    limiter.hit(reports, account.toString());
  }

  /** Liking and unliking both count: toggling is how popularity would be gamed. */
  public void like(UUID account) {
    limiter.hit(likes, account.toString());
  }
}
