package dev.marquee.catalog.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.internal.domain.Recommendation.Reason;
import dev.marquee.catalog.internal.domain.RecommendationRepository.Stored;
import dev.marquee.catalog.internal.domain.ViewerScope.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The read-time filters: what a request serves from the stored lists. */
class RecommendationSelectionTest {
  static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  static final Instant LAST_YEAR = Instant.parse("2025-12-05T00:00:00Z");
  static final ViewerScope KIDS_IN_FRANCE = new ViewerScope(MaturityRating.AGE_7, "FR", NOW);

  static Stored stored(int n, Reason reason, MaturityRating rating, Set<String> regions) {
    return stored(n, reason, TitleState.PUBLISHED, rating, regions, LAST_YEAR, null);
  }

  static Stored stored(
      int n,
      Reason reason,
      TitleState state,
      MaturityRating rating,
      Set<String> regions,
      Instant from,
      Instant until) {
    UUID id = new UUID(0, n);
    return new Stored(
        new Recommendation(id, 1.0 / n, reason, null),
        new Candidate(id, "Title " + n, state, rating, regions, from, until),
        null,
        NOW);
  }

  static List<Integer> numbers(List<Stored> served) {
    return served.stream()
        .map(s -> (int) s.recommendation().titleId().getLeastSignificantBits())
        .toList();
  }

  @Test
  void keepsOnlyWhatTheProfileMayWatchNow() {
    List<Stored> own =
        List.of(
            stored(1, Reason.CO_WATCHED, MaturityRating.AGE_18, Set.of("WORLD")),
            stored(2, Reason.CO_WATCHED, MaturityRating.AGE_7, Set.of("US")),
            stored(3, Reason.CO_WATCHED, MaturityRating.ALL, Set.of("FR", "DE")),
            stored(
                4,
                Reason.CO_WATCHED,
                TitleState.UNPUBLISHED,
                MaturityRating.ALL,
                Set.of("WORLD"),
                LAST_YEAR,
                null),
            stored(
                5,
                Reason.CO_WATCHED,
                TitleState.PUBLISHED,
                MaturityRating.ALL,
                Set.of("WORLD"),
                LAST_YEAR,
                NOW),
            stored(
                6,
                Reason.CO_WATCHED,
                TitleState.PUBLISHED,
                MaturityRating.ALL,
                Set.of("WORLD"),
                NOW.plusSeconds(1),
                null),
            stored(7, Reason.CO_WATCHED, MaturityRating.AGE_7, Set.of("WORLD")));

    List<Stored> served =
        RecommendationSelection.select(own, List.of(), Set.of(), KIDS_IN_FRANCE, 10);

    // 1 above the cap, 2 not licensed in FR, 4 unpublished, 5 ended at NOW, 6 starts after NOW.
    assertThat(numbers(served)).containsExactly(3, 7);
  }

  @Test
  void anUnknownRegionSeesOnlyWorldwideTitles() {
    List<Stored> own =
        List.of(
            stored(1, Reason.CO_WATCHED, MaturityRating.ALL, Set.of("FR")),
            stored(2, Reason.CO_WATCHED, MaturityRating.ALL, Set.of("WORLD")));

    List<Stored> served =
        RecommendationSelection.select(
            own, List.of(), Set.of(), new ViewerScope(MaturityRating.AGE_18, null, NOW), 10);

    assertThat(numbers(served)).containsExactly(2);
  }

  @Test
  void fillsFromPopularWithoutRepeatsOrCompletedTitlesUpToTheLimit() {
    List<Stored> own =
        List.of(
            stored(1, Reason.CO_WATCHED, MaturityRating.ALL, Set.of("WORLD")),
            stored(2, Reason.CO_WATCHED, MaturityRating.ALL, Set.of("WORLD")));
    List<Stored> popular =
        List.of(
            stored(2, Reason.POPULAR, MaturityRating.ALL, Set.of("WORLD")),
            stored(8, Reason.POPULAR, MaturityRating.AGE_18, Set.of("WORLD")),
            stored(9, Reason.POPULAR, MaturityRating.ALL, Set.of("WORLD")),
            stored(10, Reason.POPULAR, MaturityRating.ALL, Set.of("WORLD")),
            stored(11, Reason.POPULAR, MaturityRating.ALL, Set.of("WORLD")));

    // Title 9 was completed after the job ran: it is not served either.
    List<Stored> served =
        RecommendationSelection.select(own, popular, Set.of(new UUID(0, 9)), KIDS_IN_FRANCE, 4);

    assertThat(numbers(served)).containsExactly(1, 2, 10, 11);
    assertThat(served.get(2).recommendation().reason()).isEqualTo(Reason.POPULAR);
  }

  @Test
  void aProfileWithoutAListGetsThePopularOnes() {
    List<Stored> popular =
        List.of(
            stored(8, Reason.POPULAR, MaturityRating.ALL, Set.of("WORLD")),
            stored(9, Reason.POPULAR, MaturityRating.ALL, Set.of("WORLD")));

    assertThat(
            numbers(
                RecommendationSelection.select(List.of(), popular, Set.of(), KIDS_IN_FRANCE, 20)))
        .containsExactly(8, 9);
  }
}
