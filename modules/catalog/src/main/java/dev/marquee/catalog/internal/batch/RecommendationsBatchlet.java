package dev.marquee.catalog.internal.batch;

import dev.marquee.catalog.internal.domain.CoWatchScoring;
import dev.marquee.catalog.internal.domain.Recommendation;
import dev.marquee.catalog.internal.domain.RecommendationRepository;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Computes every profile's list from the completions and views of the last {@code windowDays}
 * (item-to-item co-watching, {@link CoWatchScoring}) and replaces the stored lists in one
 * transaction. The lists are unfiltered: maturity, region, window and state apply when a request
 * reads them. Idempotent, so a restart simply runs it again.
 */
@Named("recommendationsBatchlet")
@Dependent
public class RecommendationsBatchlet extends AbstractBatchlet {
  @Inject RecommendationRepository repository;
  @Inject JobContext job;

  @Inject @BatchProperty String windowDays;

  @Inject @BatchProperty String neighbours;

  @Inject @BatchProperty String listLength;

  @Override
  public String process() {
    Instant now = Instant.now();
    LocalDate since =
        LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(Long.parseLong(windowDays));
    CoWatchScoring scoring =
        new CoWatchScoring(Integer.parseInt(neighbours), Integer.parseInt(listLength));
    Map<UUID, Set<UUID>> completed = repository.completedSince(since);
    Map<UUID, Double> popularity = repository.popularitySince(since);
    Map<UUID, List<CoWatchScoring.Neighbour>> alike = scoring.neighbours(completed);
    List<Recommendation> ranked = CoWatchScoring.byPopularity(popularity);
    Map<UUID, List<Recommendation>> lists = new HashMap<>();
    long coWatched = 0;
    for (Map.Entry<UUID, Set<UUID>> e : completed.entrySet()) {
      List<Recommendation> list = scoring.forProfile(e.getValue(), alike, popularity, ranked);
      coWatched +=
          list.stream().filter(r -> r.reason() == Recommendation.Reason.CO_WATCHED).count();
      lists.put(e.getKey(), list);
    }
    List<Recommendation> popular = scoring.popular(ranked);
    long rows = repository.replaceAll(lists, popular, now);
    String summary =
        "%d profiles, %d co-watched suggestions, %d popular titles, %d rows"
            .formatted(lists.size(), coWatched, popular.size(), rows);
    // The exit status is what operators see in the job status.
    job.setExitStatus(summary);
    return summary;
  }
}
