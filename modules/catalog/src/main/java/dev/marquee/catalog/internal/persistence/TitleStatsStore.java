package dev.marquee.catalog.internal.persistence;

import dev.marquee.catalog.api.EngagementDay;
import dev.marquee.catalog.internal.domain.TitleDay;
import dev.marquee.platform.api.PlainSql;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The statements of views and completions per title and day ({@code catalog.title_days}, {@code
 * catalog.completions}), each one statement on the caller's connection.
 */
public final class TitleStatsStore {
  private TitleStatsStore() {}

  public static void view(Connection c, UUID title, LocalDate day) throws SQLException {
    PlainSql.update(
        c,
        "INSERT INTO catalog.title_days (title_id, day, views) VALUES (?, ?, 1)"
            + " ON CONFLICT (title_id, day) DO UPDATE SET views = catalog.title_days.views + 1",
        title,
        Date.valueOf(day));
  }

  /** Counts a completion unless this profile already completed the title that day. */
  public static void completion(Connection c, UUID profile, UUID title, LocalDate day)
      throws SQLException {
    PlainSql.update(
        c,
        "WITH first AS (INSERT INTO catalog.completions (profile_id, title_id, day)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING title_id, day)"
            + " INSERT INTO catalog.title_days (title_id, day, completions)"
            + " SELECT title_id, day, 1 FROM first"
            + " ON CONFLICT (title_id, day) DO UPDATE"
            + " SET completions = catalog.title_days.completions + 1",
        profile,
        title,
        Date.valueOf(day));
  }

  /** The days of one title (or of every title: null), oldest first, at most 10,000. */
  public static List<TitleDay> days(Connection c, UUID title, LocalDate from, LocalDate to)
      throws SQLException {
    Object[] params =
        title == null
            ? new Object[] {Date.valueOf(from), Date.valueOf(to)}
            : new Object[] {Date.valueOf(from), Date.valueOf(to), title};
    return PlainSql.query(
        c,
        "SELECT d.title_id, d.day, d.views, d.completions,"
            + " (SELECT count(*) FROM catalog.likes l WHERE l.title_id = d.title_id"
            + "   AND l.created_at::date <= d.day) AS likes"
            + " FROM catalog.title_days d WHERE d.day BETWEEN ? AND ?"
            + (title == null ? "" : " AND d.title_id = ?")
            + " ORDER BY d.day, d.views DESC, d.title_id LIMIT 10000",
        r ->
            new TitleDay(
                r.getObject(1).toString(),
                r.getDate(2).toLocalDate(),
                r.getLong(3),
                r.getLong(4),
                r.getLong(5)),
        params);
  }

  /** Every title's views and completions added up per day, oldest first. */
  public static List<EngagementDay> totals(Connection c, LocalDate from, LocalDate to)
      throws SQLException {
    return PlainSql.query(
        c,
        "SELECT day, sum(views), sum(completions) FROM catalog.title_days"
            + " WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day",
        r -> new EngagementDay(r.getDate(1).toLocalDate(), r.getLong(2), r.getLong(3)),
        Date.valueOf(from),
        Date.valueOf(to));
  }
}
