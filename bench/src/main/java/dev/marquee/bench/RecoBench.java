package dev.marquee.bench;

import dev.marquee.catalog.internal.domain.CoWatchScoring;
import dev.marquee.catalog.internal.domain.Recommendation;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Recommendations offline (issue 18): a generated watch history, each profile's last completions
 * held out, and the hit rate at 10 of Marquee's co-watching lists beside a popularity-only
 * baseline. Both lists come from the server's own rule ({@link CoWatchScoring}, what the batch job
 * runs): the baseline is the same call without neighbours. No server, no database; deterministic
 * for a seed.
 */
public final class RecoBench {
  private RecoBench() {}

  /** A measured list kind. */
  record Score(double hitRate, double recall, int profiles, int heldOut, int distinctTitles) {}

  public static void main(String[] args) throws IOException {
    SyntheticHistory.Settings s = SyntheticHistory.Settings.fromSystemProperties();
    SyntheticHistory history = SyntheticHistory.generate(s);
    int k = 10;
    System.out.printf(
        "Synthetic history: %d profiles, %d titles, %d taste clusters, Zipf s=%.2f, seed %d;"
            + " %d completions (%d held out: each profile's last %d, profiles with >= %d)%n",
        s.profiles(),
        s.titles(),
        s.clusters(),
        s.zipf(),
        s.seed(),
        history.completions(),
        history.heldOutCount(),
        s.holdOut(),
        s.holdOut() + 3);

    CoWatchScoring scoring = new CoWatchScoring(50, k);
    long started = System.nanoTime();
    Map<UUID, List<CoWatchScoring.Neighbour>> alike = scoring.neighbours(history.training());
    long neighboursNanos = System.nanoTime() - started;
    List<Recommendation> ranked = CoWatchScoring.byPopularity(history.popularity());

    started = System.nanoTime();
    Score coWatching =
        score(
            history,
            p ->
                scoring.forProfile(history.training().get(p), alike, history.popularity(), ranked));
    long listsNanos = System.nanoTime() - started;
    Score popular =
        score(
            history,
            p ->
                scoring.forProfile(
                    history.training().get(p), Map.of(), history.popularity(), ranked));

    double ratio = coWatching.hitRate() / popular.hitRate();
    System.out.printf(
        "%n%-28s %10s %10s %10s%n", "lists (top " + k + ")", "hit rate", "recall", "titles");
    print("co-watching (Marquee)", coWatching);
    print("popularity only (baseline)", popular);
    System.out.printf("co-watching / popularity hit rate: %.2fx%n", ratio);
    System.out.printf(
        "job work (one thread): neighbours %.0f ms, %d lists %.0f ms%n",
        neighboursNanos / 1e6, coWatching.profiles(), listsNanos / 1e6);

    boolean met = coWatching.hitRate() > popular.hitRate();
    new ResultsFile("reco", "bash bench/reco-bench.sh")
        .figure("profiles", s.profiles())
        .figure("titles", s.titles())
        .figure("clusters", s.clusters())
        .figure("zipfExponent", s.zipf())
        .figure("seed", s.seed())
        .figure("completions", history.completions())
        .figure("heldOutCompletions", history.heldOutCount())
        .figure("evaluatedProfiles", coWatching.profiles())
        .figure("coWatchingHitRateAt10", coWatching.hitRate())
        .figure("coWatchingRecallAt10", coWatching.recall())
        .figure("coWatchingDistinctTitles", coWatching.distinctTitles())
        .figure("popularityHitRateAt10", popular.hitRate())
        .figure("popularityRecallAt10", popular.recall())
        .figure("popularityDistinctTitles", popular.distinctTitles())
        .figure("neighboursMillis", neighboursNanos / 1e6)
        .figure("listsMillis", listsNanos / 1e6)
        .ratio("hitRateAt10CoWatchingOverPopularity", ratio)
        .target(
            "hitRateAboveBaseline",
            "hit rate at 10 of co-watching above the popularity-only baseline",
            met)
        .write();
  }

  private static void print(String name, Score s) {
    System.out.printf(
        "%-28s %10.4f %10.4f %10d%n", name, s.hitRate(), s.recall(), s.distinctTitles());
  }

  /** Hit rate: profiles with a held-out title in their list; recall: held-out titles found. */
  private static Score score(SyntheticHistory history, Function<UUID, List<Recommendation>> lists) {
    int profiles = 0;
    int hits = 0;
    int found = 0;
    int heldOut = 0;
    Set<UUID> distinct = new LinkedHashSet<>();
    for (Map.Entry<UUID, List<UUID>> e : history.heldOut().entrySet()) {
      List<Recommendation> list = lists.apply(e.getKey());
      Set<UUID> suggested = new LinkedHashSet<>();
      list.forEach(r -> suggested.add(r.titleId()));
      distinct.addAll(suggested);
      int inList = (int) e.getValue().stream().filter(suggested::contains).count();
      profiles++;
      heldOut += e.getValue().size();
      found += inList;
      hits += inList > 0 ? 1 : 0;
    }
    return new Score(
        (double) hits / profiles, (double) found / heldOut, profiles, heldOut, distinct.size());
  }
}
