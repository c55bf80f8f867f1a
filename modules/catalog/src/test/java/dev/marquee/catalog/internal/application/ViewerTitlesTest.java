package dev.marquee.catalog.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.internal.domain.AdminTitle;
import dev.marquee.catalog.internal.domain.Series;
import dev.marquee.catalog.internal.domain.ViewerScope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The title page's rules: who may see a title, and which episode comes next. */
class ViewerTitlesTest {
  private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

  private static final Series SERIES =
      new Series(
          UUID.randomUUID().toString(),
          "Harbour Lights",
          "",
          "drama",
          "13+",
          2025,
          List.of(
              new Series.Season(
                  1,
                  List.of(
                      new Series.Episode(1, "s1e1", "Arrival", 60_000L),
                      new Series.Episode(2, "s1e2", "Storm", 60_000L))),
              new Series.Season(2, List.of(new Series.Episode(1, "s2e1", "Return", 60_000L)))));

  private static AdminTitle title(String state, String rating, List<String> regions) {
    return new AdminTitle(
        UUID.randomUUID().toString(),
        3,
        state,
        "Arrival",
        "A ferry comes in.",
        "en",
        "drama",
        rating,
        2025,
        new AdminTitle.Licence(regions, NOW.minusSeconds(3600), null, true),
        new AdminTitle.Prices(null, null, null),
        List.of("en", "fr"),
        List.of("en"),
        List.of(new AdminTitle.Credit("Ada Lovelace", "ACTOR", "The captain")),
        null,
        null,
        null,
        30_000L);
  }

  @Test
  void theNextEpisodeFollowsInTheSeasonThenTheNextSeason() {
    assertThat(ViewerTitles.next(SERIES, 1, 1)).get().extracting("titleId").isEqualTo("s1e2");
    assertThat(ViewerTitles.next(SERIES, 1, 2))
        .get()
        .satisfies(
            e -> {
              assertThat(e.titleId()).isEqualTo("s2e1");
              assertThat(e.season()).isEqualTo(2);
              assertThat(e.episode()).isEqualTo(1);
              assertThat(e.name()).isEqualTo("Return");
            });
    assertThat(ViewerTitles.next(SERIES, 2, 1)).isEmpty();
  }

  @Test
  void aShelfReadsFurtherWhenTheNewestTitlesAreNotForTheProfile() {
    // 300 titles, newest first; only every 30th may be watched (10 in all, the first at 29).
    List<Integer> titles = java.util.stream.IntStream.range(0, 300).boxed().toList();
    List<Integer> windows = new java.util.ArrayList<>();
    java.util.function.IntFunction<List<Integer>> newest =
        n -> {
          windows.add(n);
          return titles.subList(0, Math.min(n, titles.size()));
        };
    assertThat(ViewerTitles.firstAdmitted(newest, t -> t % 30 == 29, 5))
        .containsExactly(29, 59, 89, 119, 149);
    assertThat(windows).containsExactly(50, 200);
    windows.clear();
    // Fewer than asked exist: everything is read once, and what passes is the shelf.
    assertThat(ViewerTitles.firstAdmitted(newest, t -> t % 30 == 29, 20)).hasSize(10);
    assertThat(windows).containsExactly(50, 200, 800);
  }

  @Test
  void aKidsCapAnotherRegionOrAnUnpublishedTitleKeepTheTitleFromTheProfile() {
    ViewerScope kids = new ViewerScope(MaturityRating.AGE_7, "GB", NOW);
    ViewerScope adult = new ViewerScope(MaturityRating.AGE_18, "GB", NOW);
    AdminTitle teen = title("PUBLISHED", "13+", List.of("WORLD"));
    assertThat(adult.admits(ViewerTitles.candidate(teen))).isTrue();
    assertThat(kids.admits(ViewerTitles.candidate(teen))).isFalse();
    assertThat(kids.admits(ViewerTitles.candidate(title("PUBLISHED", "7+", List.of("GB")))))
        .isTrue();
    assertThat(adult.admits(ViewerTitles.candidate(title("PUBLISHED", "ALL", List.of("FR")))))
        .isFalse();
    assertThat(adult.admits(ViewerTitles.candidate(title("UNPUBLISHED", "ALL", List.of("WORLD")))))
        .isFalse();
  }

  @Test
  void thePageCarriesLanguagesCreditsAndTheEpisode() {
    AdminTitle t = title("PUBLISHED", "13+", List.of("WORLD"));
    ViewerTitles.Episode episode =
        new ViewerTitles.Episode(
            SERIES.id(), "Harbour Lights", 1, 1, ViewerTitles.next(SERIES, 1, 1).orElseThrow());
    ViewerTitles.TitleDetails page = ViewerTitles.details(t, episode);
    assertThat(page.id()).isEqualTo(t.id());
    assertThat(page.maturityRating()).isEqualTo("13+");
    assertThat(page.durationMillis()).isEqualTo(30_000L);
    assertThat(page.offlineAllowed()).isTrue();
    assertThat(page.audioLanguages()).containsExactly("en", "fr");
    assertThat(page.credits()).extracting("person").containsExactly("Ada Lovelace");
    assertThat(page.episode().next().titleId()).isEqualTo("s1e2");
  }
}
