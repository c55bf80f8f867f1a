package dev.marquee.catalog.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.catalog.internal.domain.CoWatchScoring.Neighbour;
import dev.marquee.catalog.internal.domain.Recommendation.Reason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoWatchScoringTest {
  static final UUID A = id(1), B = id(2), C = id(3), D = id(4), E = id(5);
  static final UUID P1 = id(101), P2 = id(102), P3 = id(103), P4 = id(104), NEW = id(199);

  final CoWatchScoring scoring = new CoWatchScoring(50, 10);

  static UUID id(int n) {
    return new UUID(0, n);
  }

  /** Three profiles completed A and B; one completed A and C; D is popular but never with A. */
  static Map<UUID, Set<UUID>> history() {
    Map<UUID, Set<UUID>> h = new HashMap<>();
    h.put(P1, Set.of(A, B));
    h.put(P2, Set.of(A, B));
    h.put(P3, Set.of(A, B, C));
    h.put(P4, Set.of(D, E));
    return h;
  }

  static Map<UUID, Double> popularity() {
    return Map.of(A, 3.0, B, 3.0, C, 1.0, D, 40.0, E, 1.0);
  }

  @Test
  void similarityIsCoCompletionsOverTheGeometricMeanOfCompleters() {
    Map<UUID, List<Neighbour>> alike = scoring.neighbours(history());

    // A and B: 3 profiles completed both, 3 completed each: 3 / sqrt(3 * 3) = 1.
    // A and C: 1 together, 3 and 1 completers: 1 / sqrt(3).
    assertThat(alike.get(A))
        .containsExactly(new Neighbour(B, 1.0), new Neighbour(C, 1 / Math.sqrt(3)));
    assertThat(alike.get(D)).containsExactly(new Neighbour(E, 1.0));
  }

  @Test
  void aProfileGetsTheCoWatchedTitleFirstBecauseOfWhatItWatched() {
    Map<UUID, Set<UUID>> h = history();
    h.put(NEW, Set.of(A));
    Map<UUID, List<Neighbour>> alike = scoring.neighbours(h);

    List<Recommendation> list =
        scoring.forProfile(
            Set.of(A), alike, popularity(), CoWatchScoring.byPopularity(popularity()));

    assertThat(list.get(0).titleId()).isEqualTo(B);
    assertThat(list.get(0).reason()).isEqualTo(Reason.CO_WATCHED);
    assertThat(list.get(0).becauseOf()).isEqualTo(A);
    assertThat(list.get(1).titleId()).isEqualTo(C);
    // D is far more popular than C, but co-watching comes first, and popularity fills the rest.
    assertThat(list.get(2)).isEqualTo(new Recommendation(D, 40.0, Reason.POPULAR, null));
    assertThat(list).extracting(Recommendation::titleId).containsExactly(B, C, D, E);
  }

  @Test
  void neverSuggestsATitleTheProfileCompleted() {
    Map<UUID, List<Neighbour>> alike = scoring.neighbours(history());

    List<Recommendation> list =
        scoring.forProfile(
            Set.of(A, B, D), alike, popularity(), CoWatchScoring.byPopularity(popularity()));

    assertThat(list).extracting(Recommendation::titleId).containsExactly(C, E);
    assertThat(list.get(0).becauseOf()).isEqualTo(A);
  }

  @Test
  void scoresAddUpOverEveryCompletedTitle() {
    // X is alike to both A and B (half each); Y only to A, more strongly.
    UUID x = id(10), y = id(11);
    Map<UUID, List<Neighbour>> alike =
        Map.of(
            A, List.of(new Neighbour(y, 0.8), new Neighbour(x, 0.5)),
            B, List.of(new Neighbour(x, 0.5)));

    List<Recommendation> list = scoring.forProfile(Set.of(A, B), alike, Map.of(), List.of());

    assertThat(list).extracting(Recommendation::titleId).containsExactly(x, y);
    assertThat(list.get(0).score()).isEqualTo(1.0);
    assertThat(list.get(1).becauseOf()).isEqualTo(A);
  }

  @Test
  void aProfileWithoutHistoryGetsPopularity() {
    Map<UUID, List<Neighbour>> alike = scoring.neighbours(history());

    List<Recommendation> list =
        scoring.forProfile(
            Set.of(), alike, popularity(), CoWatchScoring.byPopularity(popularity()));

    assertThat(list).extracting(Recommendation::titleId).containsExactly(D, A, B, C, E);
    assertThat(list).allMatch(r -> r.reason() == Reason.POPULAR && r.becauseOf() == null);
    assertThat(scoring.popular(CoWatchScoring.byPopularity(popularity()))).isEqualTo(list);
  }

  @Test
  void popularityCountsCompletersAndATenthOfViewsAndDropsTitlesNobodyWatched() {
    assertThat(CoWatchScoring.popularity(3, 25)).isEqualTo(5.5);
    List<Recommendation> ranked = CoWatchScoring.byPopularity(Map.of(A, 2.0, B, 0.0, C, 2.0));
    // Ties go to the smaller id, so the same input always gives the same list.
    assertThat(ranked).extracting(Recommendation::titleId).containsExactly(A, C);
  }

  @Test
  void listsAndNeighboursAreCut() {
    CoWatchScoring short2 = new CoWatchScoring(1, 2);
    Map<UUID, List<Neighbour>> alike = short2.neighbours(history());
    assertThat(alike.get(A)).containsExactly(new Neighbour(B, 1.0));

    List<Recommendation> list =
        short2.forProfile(
            Set.of(A), alike, popularity(), CoWatchScoring.byPopularity(popularity()));
    assertThat(list).extracting(Recommendation::titleId).containsExactly(B, D);
    assertThatThrownBy(() -> new CoWatchScoring(0, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProfileThatCompletedNearlyEverythingAddsNoPairs() {
    Map<UUID, Set<UUID>> h = history();
    Set<UUID> everything = new java.util.HashSet<>(Set.of(C, D));
    for (int i = 0; i < CoWatchScoring.MAX_PAIRED_HISTORY; i++) {
      everything.add(id(1000 + i));
    }
    h.put(id(200), everything);

    Map<UUID, List<Neighbour>> alike = scoring.neighbours(h);

    // C and D are never paired through it, but it counts among their completers (2 each now).
    assertThat(alike.get(D)).containsExactly(new Neighbour(E, 1 / Math.sqrt(2 * 1)));
    assertThat(alike.get(A)).contains(new Neighbour(C, 1 / Math.sqrt(3 * 2)));
    assertThat(alike).doesNotContainKey(id(1000));
  }
}
