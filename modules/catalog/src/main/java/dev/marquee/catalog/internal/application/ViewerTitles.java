package dev.marquee.catalog.internal.application;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.ProfileView;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.catalog.internal.domain.AdminTitle;
import dev.marquee.catalog.internal.domain.Ratings;
import dev.marquee.catalog.internal.domain.Series;
import dev.marquee.catalog.internal.domain.ViewerScope;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Titles as a viewer's profile may see them: the shelf narrowed to what the profile may watch now
 * (maturity cap, region, availability window), and one title's page with its cast and crew,
 * languages and, for an episode, its series and the next episode. A title outside the profile's
 * scope is "not found", like one that does not exist: a kids profile learns nothing of it.
 */
@ApplicationScoped
public class ViewerTitles {
  @Inject TitleEditor editor;
  @Inject SeriesCatalog series;
  @Inject DefaultCatalogFacade catalog;

  Clock clock = Clock.systemUTC();

  /** A title page. {@code episode} is null for a film. */
  public record TitleDetails(
      String id,
      String name,
      String synopsis,
      String language,
      String category,
      String maturityRating,
      int releaseYear,
      Long durationMillis,
      boolean offlineAllowed,
      List<String> audioLanguages,
      List<String> subtitleLanguages,
      List<AdminTitle.Credit> credits,
      Episode episode) {}

  /**
   * An episode's place in its series; {@code next} is null after the last one the viewer may see.
   */
  public record Episode(
      String seriesId, String seriesName, int season, int episode, EpisodeRef next) {}

  /** Another episode of the same series. */
  public record EpisodeRef(String titleId, String name, int season, int episode) {}

  /**
   * The published titles, newest first, that the profile may watch now. The filter runs after the
   * read, so the read widens (up to {@link #MAX_SCAN} titles) until {@code limit} titles pass: a
   * kids profile still fills its shelf when the newest titles are all for adults.
   */
  public List<TitleView> shelf(ProfileView profile, String region, int limit) {
    ViewerScope scope = scope(profile, region);
    return firstAdmitted(catalog::published, t -> scope.admits(candidate(t)), limit);
  }

  /**
   * The first {@code limit} items that pass {@code admits}, reading the newest {@code window} items
   * at a time and widening the window fourfold (up to {@link #MAX_SCAN}) while too few pass and
   * more exist.
   */
  static <T> List<T> firstAdmitted(IntFunction<List<T>> newest, Predicate<T> admits, int limit) {
    int window = Math.max(limit, 50);
    while (true) {
      List<T> read = newest.apply(window);
      List<T> admitted = read.stream().filter(admits).limit(limit).toList();
      if (admitted.size() == limit || read.size() < window || window >= MAX_SCAN) {
        return admitted;
      }
      window = Math.min(window * 4, MAX_SCAN);
    }
  }

  /** The most published titles one shelf request reads to find the ones a profile may watch. */
  static final int MAX_SCAN = 2_000;

  /** The title page, or 404 title-not-found if the profile may not see it now. */
  public TitleDetails details(ProfileView profile, String region, UUID id) {
    ViewerScope scope = scope(profile, region);
    AdminTitle t = editor.read(id);
    if (!scope.admits(candidate(t))) {
      throw notFound(id);
    }
    Episode episode = null;
    if (t.episode() != null) {
      Series s = series.get(UUID.fromString(t.episode().seriesId()));
      EpisodeRef next =
          next(s, t.episode().season(), t.episode().episode())
              .filter(e -> scope.admits(candidate(editor.read(UUID.fromString(e.titleId())))))
              .orElse(null);
      episode = new Episode(s.id(), s.name(), t.episode().season(), t.episode().episode(), next);
    }
    return details(t, episode);
  }

  static TitleDetails details(AdminTitle t, Episode episode) {
    return new TitleDetails(
        t.id(),
        t.name(),
        t.synopsis(),
        t.language(),
        t.category(),
        t.maturityRating(),
        t.releaseYear(),
        t.durationMillis(),
        t.licence().offlineAllowed(),
        t.audioLanguages(),
        t.subtitleLanguages(),
        t.credits(),
        episode);
  }

  /** The episode that follows (season, episode) in the series' order, if any. */
  static Optional<EpisodeRef> next(Series s, int season, int episode) {
    return s.seasons().stream()
        .flatMap(
            se ->
                se.episodes().stream()
                    .map(e -> new EpisodeRef(e.titleId(), e.name(), se.number(), e.number())))
        .filter(e -> e.season() > season || (e.season() == season && e.episode() > episode))
        .findFirst();
  }

  static ViewerScope.Candidate candidate(AdminTitle t) {
    return new ViewerScope.Candidate(
        UUID.fromString(t.id()),
        t.name(),
        TitleState.valueOf(t.state()),
        Ratings.parse(t.maturityRating()).orElse(MaturityRating.AGE_18),
        Set.copyOf(t.licence().regions()),
        t.licence().availableFrom(),
        t.licence().availableUntil());
  }

  static ViewerScope.Candidate candidate(TitleView t) {
    return new ViewerScope.Candidate(
        t.id().value(),
        t.name(),
        t.state(),
        t.maturityRating(),
        t.licence().regions(),
        t.licence().availableFrom(),
        t.licence().availableUntil());
  }

  private ViewerScope scope(ProfileView profile, String region) {
    return new ViewerScope(profile.maturityCap(), region, clock.instant());
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("title-not-found", "No title " + id + " for this profile.");
  }
}
