package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.internal.domain.Report;
import dev.marquee.catalog.internal.domain.ReportRules;
import dev.marquee.catalog.internal.persistence.ReportStore;
import dev.marquee.catalog.internal.persistence.TitleCheck;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Viewers report titles (a reason and a text) into a moderation queue; admins resolve a report by
 * dismissing it or by unpublishing the title, which resolves every open report of that title.
 */
@ApplicationScoped
public class Reports {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  public Report file(UUID account, UUID profile, UUID title, String reason, String text) {
    return PlainSql.call(
        db,
        "file a report",
        c -> {
          TitleCheck.published(c, title);
          UUID id = UUID.randomUUID();
          ReportStore.insert(c, id, title, account, profile, reason, text);
          return ReportStore.read(c, id);
        });
  }

  /** One page of the queue, newest first, and where the next page starts (null: no more). */
  public record Page(List<Report> reports, String next) {}

  /**
   * The reports in a state, newest first, {@code limit} at a time; {@code cursor} is the previous
   * page's {@code next} (the creation time and id of its last report: keyset paging, stable while
   * reports arrive).
   */
  public Page queue(String state, int limit, String cursor) {
    ReportRules.After after = ReportRules.after(cursor);
    return PlainSql.call(
        db,
        "read reports",
        c -> {
          List<Report> page =
              after == null
                  ? ReportStore.page(c, state, limit + 1, null, null)
                  : ReportStore.page(c, state, limit + 1, after.createdAt(), after.id());
          if (page.size() <= limit) {
            return new Page(page, null);
          }
          return new Page(page.subList(0, limit), ReportRules.cursor(page.get(limit - 1)));
        });
  }

  /**
   * Resolves an open report: DISMISSED, or ACTIONED by unpublishing the title (every other open
   * report of the title is actioned with it). 409 if the report is already resolved.
   */
  @Transactional
  public Report resolve(UUID report, UUID admin, boolean unpublish, String note) {
    return PlainSql.call(
        db,
        "resolve a report",
        c -> {
          ReportStore.Filed found =
              ReportStore.lock(c, report)
                  .orElseThrow(
                      () ->
                          ProblemException.notFound(
                              "report-not-found", "No report " + report + "."));
          if (!"OPEN".equals(found.state())) {
            throw ProblemException.conflict(
                "report-resolved", "The report was already " + found.state() + ".");
          }
          UUID title = found.title();
          if (unpublish) {
            ReportStore.actionTitle(c, title, admin, note);
            ReportStore.unpublish(c, title, admin, report);
          } else {
            ReportStore.dismiss(c, report, admin, note);
          }
          return ReportStore.read(c, report);
        });
  }
}
