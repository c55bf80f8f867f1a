package dev.marquee.catalog.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Where the recommendation job reads its input and writes its lists, and requests read them. */
public interface RecommendationRepository {
  /** Each profile's completed titles since {@code since}. */
  Map<UUID, Set<UUID>> completedSince(LocalDate since);

  /** Each title's popularity since {@code since} ({@link CoWatchScoring#popularity}). */
  Map<UUID, Double> popularitySince(LocalDate since);

  /**
   * Replaces every stored list in one transaction (readers see the old lists until it commits).
   *
   * @return the number of rows written
   */
  long replaceAll(
      Map<UUID, List<Recommendation>> byProfile, List<Recommendation> popular, Instant computedAt);

  /** A suggested title with the catalog's current facts about it, as a request reads it. */
  record Stored(
      Recommendation recommendation,
      ViewerScope.Candidate title,
      String becauseOfName,
      Instant computedAt) {}

  /** The profile's stored list, best first (empty when the job has not seen the profile). */
  List<Stored> listOf(UUID profile);

  /** The stored popular titles, most popular first. */
  List<Stored> popular();

  /** Titles the profile completed (also those completed after the job ran). */
  Set<UUID> completedBy(UUID profile);

  /** The bookkeeping row of the periodic start. */
  record LastRun(Instant startedAt, long completionsSeen) {}

  LastRun lastRun();

  long completionCount();

  /**
   * Records a start if the row is still {@code seen} (compare and set, so one server of many wins).
   */
  boolean claimRun(LastRun seen, Instant startedAt, long completions);
}
