package dev.marquee.catalog.internal.admin;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitlePage;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.api.TitleSummary;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Finds titles for admins by a fragment of their name, in every state (search for viewers shows
 * published titles only), ordered by name, a page at a time.
 */
@ApplicationScoped
public class TitleFinder {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  public TitlePage find(String fragment, int offset, int limit) {
    String pattern = "%" + escape(fragment == null ? "" : fragment.strip()) + "%";
    try (Connection c = db.getConnection()) {
      List<TitleSummary> titles = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, name, state, category, release_year FROM catalog.titles"
                  + " WHERE name ILIKE ? ESCAPE '\\' ORDER BY lower(name), id LIMIT ? OFFSET ?")) {
        s.setString(1, pattern);
        s.setInt(2, limit);
        s.setInt(3, offset);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            titles.add(
                new TitleSummary(
                    new TitleId(r.getObject(1, UUID.class)),
                    r.getString(2),
                    TitleState.valueOf(r.getString(3)),
                    r.getString(4),
                    r.getInt(5)));
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT count(*) FROM catalog.titles WHERE name ILIKE ? ESCAPE '\\'")) {
        s.setString(1, pattern);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return new TitlePage(titles, r.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("finding titles failed: " + e.getMessage(), e);
    }
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
