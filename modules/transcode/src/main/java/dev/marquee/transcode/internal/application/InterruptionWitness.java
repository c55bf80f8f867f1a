package dev.marquee.transcode.internal.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when a job execution that Jakarta Batch reports FAILED, while the ledger says the job is
 * unfinished, was really interrupted. With two servers, Liberty was seen to report a running
 * execution FAILED for a moment (its server and its partitions still at work), and a restart then
 * collided with the running execution. So one sighting is not enough: the execution must stay
 * FAILED for {@link #CONFIRM} and the job make no progress in that time (no chunk started or
 * finished, no rendition recorded); any progress starts the watch again.
 */
final class InterruptionWitness {
  /** How long an execution must stay FAILED without progress to count as interrupted. */
  static final Duration CONFIRM = Duration.ofSeconds(30);

  private record Sighting(long execution, long progress, Instant since) {}

  private final Map<UUID, Sighting> sightings = new ConcurrentHashMap<>();

  /**
   * Reports that {@code job}'s {@code execution} is FAILED now, with the job's {@code progress}
   * (any number that grows while the job works); true once it has been so long enough.
   */
  boolean failedAndStill(UUID job, long execution, long progress, Instant now) {
    Sighting seen = sightings.get(job);
    if (seen == null || seen.execution() != execution || seen.progress() != progress) {
      sightings.put(job, new Sighting(execution, progress, now));
      return false;
    }
    if (Duration.between(seen.since(), now).compareTo(CONFIRM) < 0) {
      return false;
    }
    sightings.remove(job);
    return true;
  }

  /** The job is not FAILED (any more): forget what was seen. */
  void clear(UUID job) {
    sightings.remove(job);
  }

  /** Forgets every job but the unfinished ones. */
  void keepOnly(Set<UUID> unfinished) {
    sightings.keySet().retainAll(unfinished);
  }
}
