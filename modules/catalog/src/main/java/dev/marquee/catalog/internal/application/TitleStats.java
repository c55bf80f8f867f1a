package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.api.EngagementDay;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Views (a playback session started) and completions (a profile reached the end, once a day) per
 * title and UTC day. (Popularity, search's sort, is the likes: views would turn every play into an
 * index update.)
 */
@ApplicationScoped
public class TitleStats {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** One title's day. */
  public record Day(String titleId, LocalDate day, long views, long completions, long likes) {}

  /** One statement each, so that they also run inside a caller's transaction. */
  public void view(UUID title) {
    PlainSql.update(
        db,
        "count a view",
        "INSERT INTO catalog.title_days (title_id, day, views) VALUES (?, ?, 1)"
            + " ON CONFLICT (title_id, day) DO UPDATE SET views = catalog.title_days.views + 1",
        title,
        Date.valueOf(today()));
  }

  /** Counts a completion unless this profile already completed the title today. */
  public void completion(UUID profile, UUID title) {
    PlainSql.update(
        db,
        "count a completion",
        "WITH first AS (INSERT INTO catalog.completions (profile_id, title_id, day)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING title_id, day)"
            + " INSERT INTO catalog.title_days (title_id, day, completions)"
            + " SELECT title_id, day, 1 FROM first"
            + " ON CONFLICT (title_id, day) DO UPDATE"
            + " SET completions = catalog.title_days.completions + 1",
        profile,
        title,
        Date.valueOf(today()));
  }

  public List<Day> days(UUID title, LocalDate from, LocalDate to) {
    Object[] params =
        title == null
            ? new Object[] {Date.valueOf(from), Date.valueOf(to)}
            : new Object[] {Date.valueOf(from), Date.valueOf(to), title};
    return PlainSql.query(
        db,
        "read title stats",
        "SELECT d.title_id, d.day, d.views, d.completions,"
            + " (SELECT count(*) FROM catalog.likes l WHERE l.title_id = d.title_id"
            + "   AND l.created_at::date <= d.day) AS likes"
            + " FROM catalog.title_days d WHERE d.day BETWEEN ? AND ?"
            + (title == null ? "" : " AND d.title_id = ?")
            + " ORDER BY d.day, d.views DESC, d.title_id LIMIT 10000",
        r ->
            new Day(
                r.getObject(1).toString(),
                r.getDate(2).toLocalDate(),
                r.getLong(3),
                r.getLong(4),
                r.getLong(5)),
        params);
  }

  /** Every title's views and completions added up per day, oldest first. */
  public List<EngagementDay> totals(LocalDate from, LocalDate to) {
    return PlainSql.query(
        db,
        "read engagement per day",
        "SELECT day, sum(views), sum(completions) FROM catalog.title_days"
            + " WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day",
        r -> new EngagementDay(r.getDate(1).toLocalDate(), r.getLong(2), r.getLong(3)),
        Date.valueOf(from),
        Date.valueOf(to));
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
