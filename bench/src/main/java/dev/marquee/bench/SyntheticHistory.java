package dev.marquee.bench;

import dev.marquee.catalog.internal.domain.CoWatchScoring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A generated watch history with the two shapes a catalogue has: tastes (each title belongs to one
 * of a few clusters, each profile mostly completes titles of its favourite cluster and sometimes of
 * a second one) and popularity (within a cluster and overall, a title of rank r is picked with
 * probability proportional to 1/r^s). Completions are in the order they happened; each profile with
 * enough history has its last {@code holdOut} held out, and views (completed plays plus plays
 * abandoned part-way) feed popularity from the training part only. Same seed, same history.
 */
final class SyntheticHistory {
  /** What to generate; every figure can be changed with {@code -Dbench.reco.<name>}. */
  record Settings(
      int profiles,
      int titles,
      int clusters,
      double zipf,
      int meanCompletions,
      double ownTaste,
      double secondTaste,
      int holdOut,
      long seed) {
    static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("bench.reco.profiles", 20_000),
          Integer.getInteger("bench.reco.titles", 2_000),
          Integer.getInteger("bench.reco.clusters", 25),
          Double.parseDouble(System.getProperty("bench.reco.zipf", "0.9")),
          Integer.getInteger("bench.reco.meanCompletions", 15),
          Double.parseDouble(System.getProperty("bench.reco.ownTaste", "0.6")),
          Double.parseDouble(System.getProperty("bench.reco.secondTaste", "0.2")),
          Integer.getInteger("bench.reco.holdOut", 2),
          Long.getLong("bench.reco.seed", 18L));
    }
  }

  private final Map<UUID, Set<UUID>> training = new LinkedHashMap<>();
  private final Map<UUID, List<UUID>> heldOut = new LinkedHashMap<>();
  private final Map<UUID, Double> popularity = new HashMap<>();
  private long completions;

  private SyntheticHistory() {}

  Map<UUID, Set<UUID>> training() {
    return training;
  }

  Map<UUID, List<UUID>> heldOut() {
    return heldOut;
  }

  Map<UUID, Double> popularity() {
    return popularity;
  }

  long completions() {
    return completions;
  }

  long heldOutCount() {
    return heldOut.values().stream().mapToLong(List::size).sum();
  }

  static SyntheticHistory generate(Settings s) {
    SplittableRandom random = new SplittableRandom(s.seed());
    // Titles: a random cluster each, and a random global popularity rank.
    UUID[] byRank = new UUID[s.titles()];
    List<List<UUID>> clusters = new ArrayList<>();
    for (int c = 0; c < s.clusters(); c++) {
      clusters.add(new ArrayList<>());
    }
    int[] order = shuffled(s.titles(), random);
    for (int rank = 0; rank < s.titles(); rank++) {
      UUID title = new UUID(0x7171L, order[rank]);
      byRank[rank] = title;
      // Global rank order within each cluster: a cluster's hits are hits overall too.
      clusters.get(random.nextInt(s.clusters())).add(title);
    }
    Zipf global = new Zipf(s.titles(), s.zipf());
    Map<Integer, Zipf> perCluster = new HashMap<>();
    Map<UUID, Long> completers = new HashMap<>();
    Map<UUID, Long> views = new HashMap<>();
    SyntheticHistory h = new SyntheticHistory();
    for (int p = 0; p < s.profiles(); p++) {
      UUID profile = new UUID(0x9090L, p);
      int own = random.nextInt(s.clusters());
      int second = random.nextInt(s.clusters());
      // Geometric number of completions, at least one.
      int n =
          1
              + (int)
                  Math.floor(
                      Math.log(1 - random.nextDouble()) / Math.log(1 - 1.0 / s.meanCompletions()));
      n = Math.min(n, s.titles() / 4);
      LinkedHashSet<UUID> done = new LinkedHashSet<>();
      int attempts = 0;
      while (done.size() < n && attempts++ < n * 20) {
        double u = random.nextDouble();
        UUID title;
        if (u < s.ownTaste() + s.secondTaste()) {
          int c = u < s.ownTaste() ? own : second;
          List<UUID> cluster = clusters.get(c);
          Zipf z = perCluster.computeIfAbsent(c, k -> new Zipf(cluster.size(), s.zipf()));
          title = cluster.get(z.sample(random));
        } else {
          title = byRank[global.sample(random)];
        }
        done.add(title);
      }
      List<UUID> sequence = new ArrayList<>(done);
      h.completions += sequence.size();
      int keep =
          sequence.size() >= s.holdOut() + 3 ? sequence.size() - s.holdOut() : sequence.size();
      List<UUID> past = sequence.subList(0, keep);
      h.training.put(profile, new LinkedHashSet<>(past));
      if (keep < sequence.size()) {
        h.heldOut.put(profile, List.copyOf(sequence.subList(keep, sequence.size())));
      }
      for (UUID t : past) {
        completers.merge(t, 1L, Long::sum);
        views.merge(t, 1L, Long::sum);
      }
      // Plays abandoned part-way: views without a completion, drawn from overall popularity.
      int abandoned = random.nextInt(past.size() + 1);
      for (int i = 0; i < abandoned; i++) {
        views.merge(byRank[global.sample(random)], 1L, Long::sum);
      }
    }
    for (UUID t : byRank) {
      h.popularity.put(
          t, CoWatchScoring.popularity(completers.getOrDefault(t, 0L), views.getOrDefault(t, 0L)));
    }
    return h;
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** Ranks 0..n-1 with probability proportional to 1/(rank+1)^s, by inverse CDF. */
  private static final class Zipf {
    private final double[] cdf;

    Zipf(int n, double s) {
      cdf = new double[n];
      double total = 0;
      for (int r = 0; r < n; r++) {
        total += 1 / Math.pow(r + 1, s);
        cdf[r] = total;
      }
      for (int r = 0; r < n; r++) {
        cdf[r] /= total;
      }
    }

    int sample(SplittableRandom random) {
      double u = random.nextDouble();
      int lo = 0;
      int hi = cdf.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cdf[mid] < u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
