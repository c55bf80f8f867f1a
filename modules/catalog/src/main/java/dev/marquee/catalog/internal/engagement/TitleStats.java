package dev.marquee.catalog.internal.engagement;

import dev.marquee.catalog.api.EngagementDay;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    Jdbc.call(
        "count a view",
        () -> {
          try (Connection c = db.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO catalog.title_days (title_id, day, views) VALUES (?, ?, 1)"
                          + " ON CONFLICT (title_id, day) DO UPDATE"
                          + " SET views = catalog.title_days.views + 1")) {
            s.setObject(1, title);
            s.setDate(2, Date.valueOf(today()));
            s.executeUpdate();
            return null;
          }
        });
  }

  /** Counts a completion unless this profile already completed the title today. */
  public void completion(UUID profile, UUID title) {
    Jdbc.call(
        "count a completion",
        () -> {
          try (Connection c = db.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "WITH first AS (INSERT INTO catalog.completions (profile_id, title_id, day)"
                          + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING title_id, day)"
                          + " INSERT INTO catalog.title_days (title_id, day, completions)"
                          + " SELECT title_id, day, 1 FROM first"
                          + " ON CONFLICT (title_id, day) DO UPDATE"
                          + " SET completions = catalog.title_days.completions + 1")) {
            s.setObject(1, profile);
            s.setObject(2, title);
            s.setDate(3, Date.valueOf(today()));
            s.executeUpdate();
            return null;
          }
        });
  }

  public List<Day> days(UUID title, LocalDate from, LocalDate to) {
    return Jdbc.call(
        "read title stats",
        () -> {
          try (Connection c = db.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT d.title_id, d.day, d.views, d.completions,"
                          + " (SELECT count(*) FROM catalog.likes l WHERE l.title_id = d.title_id"
                          + "   AND l.created_at::date <= d.day) AS likes"
                          + " FROM catalog.title_days d WHERE d.day BETWEEN ? AND ?"
                          + (title == null ? "" : " AND d.title_id = ?")
                          + " ORDER BY d.day, d.views DESC, d.title_id LIMIT 10000")) {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(to));
            if (title != null) {
              s.setObject(3, title);
            }
            List<Day> days = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                days.add(
                    new Day(
                        r.getObject(1).toString(),
                        r.getDate(2).toLocalDate(),
                        r.getLong(3),
                        r.getLong(4),
                        r.getLong(5)));
              }
            }
            return days;
          }
        });
  }

  /** Every title's views and completions added up per day, oldest first. */
  public List<EngagementDay> totals(LocalDate from, LocalDate to) {
    return Jdbc.call(
        "read engagement per day",
        () -> {
          try (Connection c = db.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT day, sum(views), sum(completions) FROM catalog.title_days"
                          + " WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day")) {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(to));
            List<EngagementDay> days = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                days.add(new EngagementDay(r.getDate(1).toLocalDate(), r.getLong(2), r.getLong(3)));
              }
            }
            return days;
          }
        });
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
