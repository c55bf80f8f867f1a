package dev.marquee.catalog.internal.application;

import dev.marquee.accounts.api.ProfileView;
import dev.marquee.catalog.internal.domain.RecommendationRepository;
import dev.marquee.catalog.internal.domain.RecommendationRepository.Stored;
import dev.marquee.catalog.internal.domain.RecommendationRunPolicy;
import dev.marquee.catalog.internal.domain.RecommendationSelection;
import dev.marquee.catalog.internal.domain.ViewerScope;
import dev.marquee.platform.api.BatchJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recommendations: starts the job that computes them (by an operator, or by the periodic check when
 * enough new completions arrived) and serves a profile's list from the stored rows.
 */
@ApplicationScoped
public class RecommendationService {
  static final String JOB = "compute-recommendations";

  @Inject BatchJobs jobs;
  @Inject RecommendationRepository repository;

  @Inject
  @ConfigProperty(name = "marquee.recommendations.window-days", defaultValue = "365")
  int windowDays;

  @Inject
  @ConfigProperty(name = "marquee.recommendations.new-completions", defaultValue = "200")
  long newCompletions;

  @Inject
  @ConfigProperty(name = "marquee.recommendations.max-age-hours", defaultValue = "24")
  long maxAgeHours;

  Clock clock = Clock.systemUTC();

  /** What a request gets: the served titles and when they were computed (null: never). */
  public record Served(List<Stored> titles, Instant computedAt) {}

  /** Starts the job now (an operator asked) and returns its execution id. */
  public long start() {
    RecommendationRepository.LastRun last = repository.lastRun();
    repository.claimRun(last, clock.instant(), repository.completionCount());
    return startJob();
  }

  /**
   * Starts the job if the policy says it is due and this server wins the claim; returns the
   * execution id if it started one.
   */
  public Optional<Long> startIfDue() {
    RecommendationRepository.LastRun last = repository.lastRun();
    long completions = repository.completionCount();
    Instant now = clock.instant();
    RecommendationRunPolicy policy =
        new RecommendationRunPolicy(newCompletions, Duration.ofHours(maxAgeHours));
    if (policy.due(last, completions, now) && repository.claimRun(last, now, completions)) {
      return Optional.of(startJob());
    }
    return Optional.empty();
  }

  /** The profile's titles for now, at most {@code limit}. */
  public Served listFor(ProfileView profile, String region, int limit) {
    UUID id = profile.id().value();
    ViewerScope scope = new ViewerScope(profile.maturityCap(), region, clock.instant());
    List<Stored> own = repository.listOf(id);
    List<Stored> popular = repository.popular();
    List<Stored> titles =
        RecommendationSelection.select(own, popular, repository.completedBy(id), scope, limit);
    Instant computedAt =
        !own.isEmpty()
            ? own.get(0).computedAt()
            : popular.isEmpty() ? null : popular.get(0).computedAt();
    return new Served(titles, computedAt);
  }

  private long startJob() {
    Properties parameters = new Properties();
    parameters.setProperty("windowDays", Integer.toString(windowDays));
    return jobs.start(JOB, parameters);
  }
}
