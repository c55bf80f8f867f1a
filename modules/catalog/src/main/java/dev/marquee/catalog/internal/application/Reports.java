package dev.marquee.catalog.internal.application;

import static dev.marquee.platform.api.PlainSql.instant;

import dev.marquee.catalog.internal.persistence.TitleCheck;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Viewers report titles (a reason and a text) into a moderation queue; admins resolve a report by
 * dismissing it or by unpublishing the title, which resolves every open report of that title.
 */
@ApplicationScoped
public class Reports {
  public static final Set<String> REASONS =
      Set.of("ABUSIVE", "COPYRIGHT", "WRONG_RATING", "BROKEN", "OTHER");

  /** The states of a report in the queue. */
  public static final List<String> STATES = List.of("OPEN", "DISMISSED", "ACTIONED");

  /** The state named (any case, blank means OPEN); 400 {@code invalid-state} for another. */
  public static String state(String name) {
    String s = name == null || name.isBlank() ? "OPEN" : name.strip().toUpperCase(Locale.ROOT);
    if (!STATES.contains(s)) {
      throw ProblemException.badRequest(
          "invalid-state", "state must be OPEN, DISMISSED or ACTIONED, not " + name + ".");
    }
    return s;
  }

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** A report as moderators see it. */
  public record Report(
      String id,
      String titleId,
      String titleName,
      String accountId,
      String reason,
      String text,
      String state,
      Instant createdAt,
      String resolvedBy,
      Instant resolvedAt,
      String resolution) {}

  public Report file(UUID account, UUID profile, UUID title, String reason, String text) {
    return PlainSql.call(
        db,
        "file a report",
        c -> {
          TitleCheck.published(c, title);
          UUID id = UUID.randomUUID();
          PlainSql.update(
              c,
              "INSERT INTO catalog.reports (id, title_id, account_id, profile_id, reason, text)"
                  + " VALUES (?,?,?,?,?,?)",
              id,
              title,
              account,
              profile,
              reason,
              text);
          return read(c, "r.id = ?", id).get(0);
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
    Timestamp afterTime = null;
    UUID afterId = null;
    if (cursor != null && !cursor.isBlank()) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
                .split("\\|");
        afterTime = Timestamp.from(Instant.parse(parts[0]));
        afterId = UUID.fromString(parts[1]);
      } catch (RuntimeException e) {
        throw ProblemException.badRequest(
            "invalid-cursor", "cursor must be the next value of a previous page.");
      }
    }
    Timestamp time = afterTime;
    UUID id = afterId;
    return PlainSql.call(
        db,
        "read reports",
        c -> {
          List<Report> page =
              time == null
                  ? read(
                      c,
                      "r.state = ? ORDER BY r.created_at DESC, r.id DESC LIMIT " + (limit + 1),
                      state)
                  : read(
                      c,
                      "r.state = ? AND (r.created_at, r.id) < (?, ?)"
                          + " ORDER BY r.created_at DESC, r.id DESC LIMIT "
                          + (limit + 1),
                      state,
                      time,
                      id);
          if (page.size() <= limit) {
            return new Page(page, null);
          }
          Report last = page.get(limit - 1);
          String next =
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(
                      (last.createdAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
          return new Page(page.subList(0, limit), next);
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
          // The title first, then the report: two moderators acting on reports of one title
          // queue here instead of deadlocking on each other's reports.
          PlainSql.execute(
              c,
              "SELECT t.id FROM catalog.titles t JOIN catalog.reports r ON r.title_id = t.id"
                  + " WHERE r.id = ? FOR UPDATE OF t",
              report);
          Filed found =
              PlainSql.queryOne(
                      c,
                      "SELECT title_id, state FROM catalog.reports WHERE id = ? FOR UPDATE",
                      r -> new Filed(r.getObject(1, UUID.class), r.getString(2)),
                      report)
                  .orElseThrow(
                      () ->
                          ProblemException.notFound(
                              "report-not-found", "No report " + report + "."));
          if (!"OPEN".equals(found.state())) {
            throw ProblemException.conflict(
                "report-resolved", "The report was already " + found.state() + ".");
          }
          UUID title = found.title();
          String sql =
              unpublish
                  ? "UPDATE catalog.reports SET state = 'ACTIONED', resolved_by = ?,"
                      + " resolved_at = now(), resolution = ? WHERE title_id = ? AND state = 'OPEN'"
                  : "UPDATE catalog.reports SET state = 'DISMISSED', resolved_by = ?,"
                      + " resolved_at = now(), resolution = ? WHERE id = ?";
          PlainSql.update(c, sql, admin, note, unpublish ? title : report);
          if (unpublish) {
            unpublish(c, title, admin, report);
          }
          return read(c, "r.id = ?", report).get(0);
        });
  }

  /** A report's title and state, as read under its row lock. */
  private record Filed(UUID title, String state) {}

  /** The state a title had before it was unpublished, and its new version. */
  private record Unpublished(String was, long version) {}

  /** Unpublishes the title, audited like an admin's edit (moderation changes the catalog). */
  private static void unpublish(Connection c, UUID title, UUID admin, UUID report)
      throws SQLException {
    Unpublished change =
        PlainSql.queryOne(
                c,
                "UPDATE catalog.titles n SET state = 'UNPUBLISHED', version = n.version + 1"
                    + " FROM catalog.titles o WHERE n.id = ? AND o.id = n.id"
                    + " RETURNING o.state, n.version",
                r -> new Unpublished(r.getString(1), r.getLong(2)),
                title)
            .orElseThrow();
    PlainSql.update(
        c,
        "INSERT INTO catalog.title_audit (title_id, actor_id, version, changes) VALUES (?,?,?,?)",
        title,
        admin,
        change.version(),
        Json.createObjectBuilder()
            .add(
                "state",
                Json.createObjectBuilder().add("from", change.was()).add("to", "UNPUBLISHED"))
            .add("report", report.toString())
            .build()
            .toString());
  }

  /** Reports matching {@code where} (which may order and limit), with its parameters. */
  private static List<Report> read(Connection c, String where, Object... values)
      throws SQLException {
    return PlainSql.query(
        c,
        "SELECT r.id, r.title_id, t.name, r.account_id, r.reason, r.text, r.state, r.created_at,"
            + " r.resolved_by, r.resolved_at, r.resolution FROM catalog.reports r"
            + " JOIN catalog.titles t ON t.id = r.title_id WHERE "
            + where,
        Reports::report,
        values);
  }

  private static Report report(ResultSet r) throws SQLException {
    Object by = r.getObject(9);
    return new Report(
        r.getObject(1).toString(),
        r.getObject(2).toString(),
        r.getString(3),
        r.getObject(4).toString(),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        r.getTimestamp(8).toInstant(),
        by == null ? null : by.toString(),
        instant(r.getTimestamp(10)),
        r.getString(11));
  }
}
