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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

  /** Titles whose name contains the fragment, in {@code state} (null: any). */
  public TitlePage find(String fragment, TitleState state, int offset, int limit) {
    String pattern = "%" + escape(fragment == null ? "" : fragment.strip()) + "%";
    String where = " WHERE name ILIKE ? ESCAPE '\\'" + (state == null ? "" : " AND state = ?");
    try (Connection c = db.getConnection()) {
      List<TitleSummary> titles = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, name, state, category, release_year FROM catalog.titles"
                  + where
                  + " ORDER BY lower(name), id LIMIT ? OFFSET ?")) {
        int i = bind(s, pattern, state);
        s.setInt(i, limit);
        s.setInt(i + 1, offset);
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
          c.prepareStatement("SELECT count(*) FROM catalog.titles" + where)) {
        bind(s, pattern, state);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return new TitlePage(titles, r.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("finding titles failed: " + e.getMessage(), e);
    }
  }

  /** Every state with how many titles are in it now (0 for a state without titles). */
  public Map<TitleState, Long> countByState() {
    Map<TitleState, Long> counts = new EnumMap<>(TitleState.class);
    for (TitleState state : TitleState.values()) {
      counts.put(state, 0L);
    }
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT state, count(*) FROM catalog.titles GROUP BY state");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        counts.put(TitleState.valueOf(r.getString(1)), r.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("counting titles failed: " + e.getMessage(), e);
    }
  }

  /** Binds the name pattern and the state if there is one; returns the next parameter's index. */
  private static int bind(PreparedStatement s, String pattern, TitleState state)
      throws SQLException {
    s.setString(1, pattern);
    if (state == null) {
      return 2;
    }
    s.setString(2, state.name());
    return 3;
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
