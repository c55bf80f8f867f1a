package dev.marquee.catalog.internal.domain;

import dev.marquee.catalog.internal.domain.RecommendationRepository.Stored;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a request serves from the precomputed rows: the profile's own list, then the popular list,
 * each title once, skipping what the profile may not see now ({@link ViewerScope}) and what it
 * completed (also after the job ran), at most {@code limit} titles. Cheap: a few dozen rows.
 */
public final class RecommendationSelection {
  private RecommendationSelection() {}

  public static List<Stored> select(
      List<Stored> own, List<Stored> popular, Set<UUID> completed, ViewerScope scope, int limit) {
    List<Stored> served = new ArrayList<>();
    Set<UUID> taken = new HashSet<>(completed);
    for (List<Stored> source : List.of(own, popular)) {
      for (Stored s : source) {
        if (served.size() == limit) {
          return served;
        }
        if (scope.admits(s.title()) && taken.add(s.recommendation().titleId())) {
          served.add(s);
        }
      }
    }
    return served;
  }
}
