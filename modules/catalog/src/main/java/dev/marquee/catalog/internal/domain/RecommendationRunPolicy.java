package dev.marquee.catalog.internal.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When the periodic check starts the recommendation job by itself: once {@code newCompletions}
 * completions arrived since the last start, or when the last start is older than {@code maxAge} and
 * anything was completed since. Nothing to learn from, nothing to run.
 */
public record RecommendationRunPolicy(long newCompletions, Duration maxAge) {
  public boolean due(RecommendationRepository.LastRun last, long completionsNow, Instant now) {
    long added = completionsNow - last.completionsSeen();
    if (added >= newCompletions) {
      return true;
    }
    boolean stale = last.startedAt() == null || !last.startedAt().plus(maxAge).isAfter(now);
    return stale && added > 0;
  }
}
