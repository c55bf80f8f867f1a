package dev.marquee.catalog.internal.domain;

import dev.marquee.catalog.internal.domain.Recommendation.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The recommendation rule, item to item: two titles are alike when the same profiles completed
 * both. Their similarity is the number of profiles that completed both divided by the geometric
 * mean of how many completed each (cosine over completion sets), so a title everyone finishes does
 * not look like everything. A profile's score for a title it has not completed is the sum of that
 * title's similarities to the titles it did complete, over each title's strongest {@code
 * neighbours}; the title that contributed most is the "because you watched". Slots co-watching
 * cannot fill go to the most popular titles the profile has not completed, and a profile without
 * history gets popularity only. Ties go to the more popular title, then the smaller id, so the same
 * input always gives the same lists. Pure and deterministic: the batch job and the offline bench
 * both call it.
 */
public final class CoWatchScoring {
  /**
   * A profile that completed more titles than this adds no pairs (it still counts as a completer):
   * it says little about which titles go together, and its pairs would cost the square of its
   * history.
   */
  public static final int MAX_PAIRED_HISTORY = 1000;

  private final int neighbours;
  private final int listLength;

  /**
   * @param neighbours how many most similar titles each title keeps (bounds the work per profile)
   * @param listLength how many suggestions each profile gets (before the read-time filters)
   */
  public CoWatchScoring(int neighbours, int listLength) {
    if (neighbours < 1 || listLength < 1) {
      throw new IllegalArgumentException("neighbours and listLength must be positive");
    }
    this.neighbours = neighbours;
    this.listLength = listLength;
  }

  /** A title and how alike it is to another. */
  public record Neighbour(UUID titleId, double similarity) {}

  /**
   * Each title's most similar titles, strongest first, from every profile's completed titles.
   * Profiles with one completion add nothing (there is no pair), nor do profiles with more than
   * {@link #MAX_PAIRED_HISTORY}.
   */
  public Map<UUID, List<Neighbour>> neighbours(Map<UUID, ? extends Collection<UUID>> completed) {
    Map<UUID, Integer> completers = new HashMap<>();
    Map<UUID, Map<UUID, Integer>> together = new HashMap<>();
    for (Collection<UUID> history : completed.values()) {
      List<UUID> titles = List.copyOf(new HashSet<>(history));
      for (UUID t : titles) {
        completers.merge(t, 1, Integer::sum);
      }
      if (titles.size() > MAX_PAIRED_HISTORY) {
        continue;
      }
      for (int a = 0; a < titles.size(); a++) {
        for (int b = a + 1; b < titles.size(); b++) {
          together
              .computeIfAbsent(titles.get(a), k -> new HashMap<>())
              .merge(titles.get(b), 1, Integer::sum);
          together
              .computeIfAbsent(titles.get(b), k -> new HashMap<>())
              .merge(titles.get(a), 1, Integer::sum);
        }
      }
    }
    Map<UUID, List<Neighbour>> result = new HashMap<>();
    together.forEach(
        (title, counts) -> {
          List<Neighbour> list = new ArrayList<>(counts.size());
          counts.forEach(
              (other, both) ->
                  list.add(
                      new Neighbour(
                          other,
                          both
                              / Math.sqrt(
                                  (double) completers.get(title) * completers.get(other)))));
          list.sort(
              Comparator.comparingDouble(Neighbour::similarity)
                  .reversed()
                  .thenComparing(Neighbour::titleId));
          result.put(title, List.copyOf(list.subList(0, Math.min(neighbours, list.size()))));
        });
    return result;
  }

  /**
   * A title's popularity over the job's window: profiles that completed it, plus a tenth of its
   * views (a started play says less than a finished one, but a new title has views first).
   */
  public static double popularity(long completingProfiles, long views) {
    return completingProfiles + views / 10.0;
  }

  /** Every title with a positive popularity, most popular first (ties by id). */
  public static List<Recommendation> byPopularity(Map<UUID, Double> popularity) {
    List<Map.Entry<UUID, Double>> entries = new ArrayList<>(popularity.entrySet());
    entries.removeIf(e -> !(e.getValue() > 0));
    entries.sort(
        Comparator.comparingDouble((Map.Entry<UUID, Double> e) -> e.getValue())
            .reversed()
            .thenComparing(Map.Entry::getKey));
    List<Recommendation> list = new ArrayList<>(entries.size());
    for (Map.Entry<UUID, Double> e : entries) {
      list.add(new Recommendation(e.getKey(), e.getValue(), Reason.POPULAR, null));
    }
    return list;
  }

  /** The list of a profile without history: the {@code listLength} most popular titles. */
  public List<Recommendation> popular(List<Recommendation> byPopularity) {
    return List.copyOf(byPopularity.subList(0, Math.min(listLength, byPopularity.size())));
  }

  /**
   * One profile's list: co-watched titles first (by score), then popular ones; never a title the
   * profile completed.
   *
   * @param history the titles the profile completed
   * @param neighbours what {@link #neighbours} computed
   * @param popularity each title's popularity ({@link #popularity}), for ties
   * @param ranked {@link #byPopularity} of the same popularity, to fill the list
   */
  public List<Recommendation> forProfile(
      Collection<UUID> history,
      Map<UUID, List<Neighbour>> neighbours,
      Map<UUID, Double> popularity,
      List<Recommendation> ranked) {
    Set<UUID> seen = new HashSet<>(history);
    Map<UUID, Double> scores = new HashMap<>();
    Map<UUID, UUID> strongest = new HashMap<>();
    Map<UUID, Double> strongestShare = new HashMap<>();
    for (UUID watched : seen) {
      for (Neighbour n : neighbours.getOrDefault(watched, List.of())) {
        if (seen.contains(n.titleId())) {
          continue;
        }
        scores.merge(n.titleId(), n.similarity(), Double::sum);
        Double best = strongestShare.get(n.titleId());
        if (best == null
            || n.similarity() > best
            || (n.similarity() == best && watched.compareTo(strongest.get(n.titleId())) < 0)) {
          strongestShare.put(n.titleId(), n.similarity());
          strongest.put(n.titleId(), watched);
        }
      }
    }
    List<UUID> coWatched = new ArrayList<>(scores.keySet());
    coWatched.sort(
        Comparator.comparingDouble((UUID t) -> scores.get(t))
            .reversed()
            .thenComparing(t -> -popularity.getOrDefault(t, 0.0))
            .thenComparing(t -> t));
    Map<UUID, Recommendation> list = new LinkedHashMap<>();
    for (UUID t : coWatched) {
      if (list.size() == listLength) {
        break;
      }
      list.put(t, new Recommendation(t, scores.get(t), Reason.CO_WATCHED, strongest.get(t)));
    }
    for (Recommendation popular : ranked) {
      if (list.size() == listLength) {
        break;
      }
      if (!seen.contains(popular.titleId()) && !list.containsKey(popular.titleId())) {
        list.put(popular.titleId(), popular);
      }
    }
    return List.copyOf(list.values());
  }
}
