package dev.marquee.catalog.internal.application;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.EngagementDay;
import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.NewTitle;
import dev.marquee.catalog.api.ReportPage;
import dev.marquee.catalog.api.ReportView;
import dev.marquee.catalog.api.TitleChange;
import dev.marquee.catalog.api.TitleEngagement;
import dev.marquee.catalog.api.TitleEngagementDay;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleMetadata;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.api.TitleSummary;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.catalog.internal.domain.AdminTitle;
import dev.marquee.catalog.internal.domain.MetadataRules;
import dev.marquee.catalog.internal.domain.Report;
import dev.marquee.catalog.internal.domain.ReportRules;
import dev.marquee.catalog.internal.domain.Title;
import dev.marquee.catalog.internal.domain.TitleRepository;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The catalog facade: metadata rules, then entities in and views out. */
@ApplicationScoped
public class DefaultCatalogFacade implements CatalogFacade {
  @Inject TitleRepository titles;
  @Inject TitleStats stats;
  @Inject TitleEditor editor;
  @Inject TitleFinder finder;
  @Inject Reports reports;

  @Override
  public ReportPage moderationQueue(String state, int limit, String cursor) {
    Reports.Page page =
        reports.queue(ReportRules.state(state), Math.max(1, Math.min(limit, 200)), cursor);
    return new ReportPage(
        page.reports().stream().map(DefaultCatalogFacade::view).toList(), page.next());
  }

  /** Not in a JTA transaction: the queue commits its decision itself (see {@link Reports}). */
  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public ReportView resolveReport(UUID report, UUID moderator, boolean unpublish, String note) {
    return view(reports.resolve(report, moderator, unpublish, note == null ? "" : note.strip()));
  }

  static ReportView view(Report r) {
    return new ReportView(
        UUID.fromString(r.id()),
        new TitleId(UUID.fromString(r.titleId())),
        r.titleName(),
        UUID.fromString(r.accountId()),
        r.reason(),
        r.text(),
        r.state(),
        r.createdAt(),
        r.resolvedBy() == null ? null : UUID.fromString(r.resolvedBy()),
        r.resolvedAt(),
        r.resolution());
  }

  @Override
  public List<TitleSummary> findTitles(
      String nameFragment, TitleState state, int offset, int limit) {
    return finder.find(nameFragment, state, offset, limit);
  }

  @Override
  public long countTitles(String nameFragment, TitleState state) {
    return finder.count(nameFragment, state);
  }

  @Override
  public Map<TitleState, Long> titlesByState() {
    return finder.countByState();
  }

  @Override
  public List<EngagementDay> engagementByDay(LocalDate from, LocalDate to) {
    return stats.totals(from, to);
  }

  @Override
  public List<TitleEngagement> engagementOfDay(LocalDate day) {
    return stats.days(null, day, day).stream()
        .map(
            d ->
                new TitleEngagement(
                    new TitleId(UUID.fromString(d.titleId())), d.views(), d.completions()))
        .toList();
  }

  @Override
  public List<TitleEngagementDay> engagementByTitleAndDay(
      TitleId title, LocalDate from, LocalDate to) {
    return stats.days(title == null ? null : title.value(), from, to).stream()
        .map(
            d ->
                new TitleEngagementDay(
                    new TitleId(UUID.fromString(d.titleId())),
                    d.day(),
                    d.views(),
                    d.completions(),
                    d.likes()))
        .toList();
  }

  @Override
  public Optional<TitleMetadata> metadata(TitleId id) {
    try {
      return Optional.of(metadataOf(editor.read(id.value())));
    } catch (ProblemException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public TitleMetadata editMetadata(TitleId id, TitleMetadata change, UUID actor) {
    // The API's own path: a JSON merge patch of the fields, under the version the admin read.
    JsonObjectBuilder patch = Json.createObjectBuilder();
    patch.add("name", change.name() == null ? "" : change.name());
    if (change.synopsis() == null || change.synopsis().isEmpty()) {
      patch.addNull("synopsis");
    } else {
      patch.add("synopsis", change.synopsis());
    }
    patch.add("language", change.language() == null ? "" : change.language());
    patch.add("category", change.category() == null ? "" : change.category());
    patch.add("maturityRating", change.maturityRating() == null ? "" : change.maturityRating());
    patch.add("releaseYear", change.releaseYear());
    return metadataOf(editor.edit(id.value(), change.version(), patch.build(), actor));
  }

  @Override
  public List<TitleChange> audit(TitleId id) {
    return editor.audit(id.value()).stream()
        .map(c -> new TitleChange(c.version(), c.actorId(), c.at(), c.changes().toString()))
        .toList();
  }

  private static TitleMetadata metadataOf(AdminTitle t) {
    return new TitleMetadata(
        t.version(),
        t.name(),
        t.synopsis(),
        t.language(),
        t.category(),
        t.maturityRating(),
        t.releaseYear());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public void validate(NewTitle title) {
    MetadataRules.check(title);
    if (title.category() == null || !titles.categoryExists(title.category())) {
      throw ProblemException.badRequest(
          "unknown-category", "category " + title.category() + " is not a Marquee category.");
    }
  }

  @Override
  @Transactional
  public TitleView createIngested(NewTitle title, long durationMillis) {
    validate(title);
    LicenceTerms licence = title.licence();
    Title entity =
        new Title(
            title.owner().value(),
            title.name(),
            title.synopsis(),
            title.language(),
            title.category(),
            title.maturityRating(),
            title.releaseYear(),
            licence.regions(),
            licence.availableFrom().atOffset(ZoneOffset.UTC),
            licence.availableUntil() == null
                ? null
                : licence.availableUntil().atOffset(ZoneOffset.UTC),
            licence.offlineAllowed(),
            durationMillis,
            OffsetDateTime.now(ZoneOffset.UTC));
    titles.add(entity);
    return view(entity);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TitleView> title(TitleId id) {
    return titles.title(id.value()).map(DefaultCatalogFacade::view);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isOwnedBy(TitleId id, UUID accountId) {
    return titles.title(id.value()).map(t -> t.ownerId().equals(accountId)).orElse(false);
  }

  @Override
  public boolean isLanguage(String code) {
    return code != null && MetadataRules.isLanguage(code);
  }

  @Override
  @Transactional
  public void changeState(TitleId id, TitleState state) {
    titles
        .titleForUpdate(id.value())
        .orElseThrow(() -> ProblemException.notFound("title-not-found", "No title " + id + "."))
        .changeState(state);
  }

  @Inject Artwork artwork;

  @Override
  public void useStill(TitleId id, String objectKey) {
    artwork.still(id.value(), objectKey);
  }

  @Override
  public void recordView(TitleId id) {
    stats.view(id.value());
  }

  @Override
  public void recordCompletion(UUID profile, TitleId id) {
    stats.completion(profile, id.value());
  }

  /** Published titles, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TitleView> published(int limit) {
    return titles.published(limit).stream().map(DefaultCatalogFacade::view).toList();
  }

  static TitleView view(Title t) {
    return new TitleView(
        new TitleId(t.id()),
        new AccountId(t.ownerId()),
        t.name(),
        t.synopsis(),
        t.language(),
        t.category(),
        t.maturityRating(),
        t.releaseYear(),
        new LicenceTerms(
            t.regions(),
            t.availableFrom().toInstant(),
            t.availableUntil() == null ? null : t.availableUntil().toInstant(),
            t.offlineAllowed()),
        t.state(),
        t.durationMillis(),
        t.createdAt().toInstant());
  }
}
