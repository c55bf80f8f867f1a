package dev.marquee.catalog.internal.persistence;

import static dev.marquee.platform.api.PlainSql.instant;

import dev.marquee.catalog.internal.domain.Report;
import dev.marquee.platform.api.PlainSql;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of the moderation queue ({@code catalog.reports}) and of unpublishing a reported
 * title with its audit row, each on the caller's connection.
 */
public final class ReportStore {
  private ReportStore() {}

  /** A report's title and state, as read under its row lock. */
  public record Filed(UUID title, String state) {}

  /** The state a title had before it was unpublished, and its new version. */
  private record Unpublished(String was, long version) {}

  public static void insert(
      Connection c, UUID id, UUID title, UUID account, UUID profile, String reason, String text)
      throws SQLException {
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
  }

  public static Report read(Connection c, UUID report) throws SQLException {
    return read(c, "r.id = ?", report).get(0);
  }

  /**
   * Up to {@code limit} reports in a state, newest first, after the report created at {@code
   * afterTime} with {@code afterId} (null: from the newest).
   */
  public static List<Report> page(
      Connection c, String state, int limit, Instant afterTime, UUID afterId) throws SQLException {
    return afterTime == null
        ? read(c, "r.state = ? ORDER BY r.created_at DESC, r.id DESC LIMIT " + limit, state)
        : read(
            c,
            "r.state = ? AND (r.created_at, r.id) < (?, ?)"
                + " ORDER BY r.created_at DESC, r.id DESC LIMIT "
                + limit,
            state,
            Timestamp.from(afterTime),
            afterId);
  }

  /**
   * Locks the report's title, then the report (two moderators acting on reports of one title queue
   * on the title instead of deadlocking on each other's reports); empty if there is no such report.
   */
  public static Optional<Filed> lock(Connection c, UUID report) throws SQLException {
    PlainSql.execute(
        c,
        "SELECT t.id FROM catalog.titles t JOIN catalog.reports r ON r.title_id = t.id"
            + " WHERE r.id = ? FOR UPDATE OF t",
        report);
    return PlainSql.queryOne(
        c,
        "SELECT title_id, state FROM catalog.reports WHERE id = ? FOR UPDATE",
        r -> new Filed(r.getObject(1, UUID.class), r.getString(2)),
        report);
  }

  /** Actions every open report of the title. */
  public static void actionTitle(Connection c, UUID title, UUID admin, String note)
      throws SQLException {
    PlainSql.update(
        c,
        "UPDATE catalog.reports SET state = 'ACTIONED', resolved_by = ?,"
            + " resolved_at = now(), resolution = ? WHERE title_id = ? AND state = 'OPEN'",
        admin,
        note,
        title);
  }

  /** Dismisses the one report. */
  public static void dismiss(Connection c, UUID report, UUID admin, String note)
      throws SQLException {
    PlainSql.update(
        c,
        "UPDATE catalog.reports SET state = 'DISMISSED', resolved_by = ?,"
            + " resolved_at = now(), resolution = ? WHERE id = ?",
        admin,
        note,
        report);
  }

  /** Unpublishes the title, audited like an admin's edit (moderation changes the catalog). */
  public static void unpublish(Connection c, UUID title, UUID admin, UUID report)
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
        ReportStore::report,
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
