package dev.marquee.catalog.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the catalog. */
public interface CatalogFacade {

  /**
   * Checks a new title's metadata without storing anything; throws a problem naming the first field
   * that is wrong (invalid-language, unknown-category, invalid-region, ...).
   */
  void validate(NewTitle title);

  /** Stores a validated title whose master has been ingested. */
  TitleView createIngested(NewTitle title, long durationMillis);

  Optional<TitleView> title(TitleId id);

  /** Whether the title exists and belongs to the account (for modules that see accounts by id). */
  boolean isOwnedBy(TitleId title, UUID accountId);

  /** Whether the code is an ISO 639-1 or ISO 639-2 language (e.g. {@code fr}, {@code fra}). */
  boolean isLanguage(String code);

  void changeState(TitleId id, TitleState state);

  /** The still grabbed from the title's master (a JPEG at {@code objectKey}): its default art. */
  void useStill(TitleId id, String objectKey);

  /** A playback session of the title started (counted per title and day for admins). */
  void recordView(TitleId id);

  /** A profile reached the end of the title (counted once per profile, title and day). */
  void recordCompletion(UUID profile, TitleId id);

  /**
   * One page of the titles whose name contains the fragment (any case; blank: every title), only
   * those in {@code state} (null: any state), ordered by name.
   */
  List<TitleSummary> findTitles(String nameFragment, TitleState state, int offset, int limit);

  /** How many titles {@link #findTitles} finds in all, for a pager. */
  long countTitles(String nameFragment, TitleState state);

  /** How many titles are in each state now; every state is a key (0 when none is in it). */
  Map<TitleState, Long> titlesByState();

  /**
   * Views and completions of all titles per UTC day from {@code from} to {@code to} (both
   * included), oldest first; a day without any is left out.
   */
  List<EngagementDay> engagementByDay(LocalDate from, LocalDate to);

  /** Each title's views and completions on one UTC day, most viewed first (at most 10,000). */
  List<TitleEngagement> engagementOfDay(LocalDate day);

  /**
   * Engagement per title and UTC day from {@code from} to {@code to} (both included), of one title
   * or, with {@code title} null, of every title; oldest day first, then most viewed; a day on which
   * a title had no view or completion is left out; at most 10,000 rows.
   */
  List<TitleEngagementDay> engagementByTitleAndDay(TitleId title, LocalDate from, LocalDate to);

  /** The title's editable metadata and its version (ETag). */
  Optional<TitleMetadata> metadata(TitleId id);

  /**
   * Changes the metadata if the title is still at {@code change.version()}, under the API's rules,
   * audited as {@code actor}. A stale version is a 412 {@code stale-version} problem that changes
   * nothing; a field breaking a rule is a 400 problem naming it (invalid-name,
   * unknown-language...).
   */
  TitleMetadata editMetadata(TitleId id, TitleMetadata change, UUID actor);

  /** Every audited change of the title, oldest first. */
  List<TitleChange> audit(TitleId id);

  /**
   * The moderation queue: reports in {@code state} (OPEN, DISMISSED or ACTIONED), newest first,
   * {@code limit} at a time; {@code cursor} is the previous page's {@code next} (keyset paging, as
   * {@code GET /api/catalog/moderation/reports}). 400 {@code invalid-state}, {@code
   * invalid-cursor}.
   */
  ReportPage moderationQueue(String state, int limit, String cursor);

  /**
   * A moderator's decision on an open report, recorded with who decided: dismiss it, or unpublish
   * the title (which resolves every open report of the title and is in the title's audit). 404
   * {@code report-not-found}, 409 {@code report-resolved}.
   */
  ReportView resolveReport(UUID report, UUID moderator, boolean unpublish, String note);
}
