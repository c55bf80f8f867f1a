package dev.marquee.catalog.internal.admin;

import dev.marquee.catalog.api.TitleId;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Finds titles for admins by a fragment of their name, in every state (search for viewers shows
 * published titles only), ordered by name, a page at a time.
 *
 * <p>The page and the pager's count are separate queries, so that a table asks for each once. The
 * order walks the indexes on {@code (lower(name), id)} and {@code (state, lower(name), id)}, and a
 * fragment is matched as {@code lower(name) LIKE}, which the trigram index on {@code lower(name)}
 * serves; with no fragment there is no name condition at all (catalog migration V8).
 */
@ApplicationScoped
public class TitleFinder {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** One page of the titles whose name contains the fragment, in {@code state} (null: any). */
  public List<TitleSummary> find(String fragment, TitleState state, int offset, int limit) {
    Filter filter = new Filter(fragment, state);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, name, state, category, release_year FROM catalog.titles"
                    + filter.where()
                    + " ORDER BY lower(name), id LIMIT ? OFFSET ?")) {
      int i = filter.bind(s);
      s.setInt(i, limit);
      s.setInt(i + 1, offset);
      List<TitleSummary> titles = new ArrayList<>();
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
      return titles;
    } catch (SQLException e) {
      throw new IllegalStateException("finding titles failed: " + e.getMessage(), e);
    }
  }

  /** How many titles {@link #find} finds in all. */
  public long count(String fragment, TitleState state) {
    Filter filter = new Filter(fragment, state);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM catalog.titles" + filter.where())) {
      filter.bind(s);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("counting titles failed: " + e.getMessage(), e);
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

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The WHERE clause for a name fragment (blank: none) and a state (null: none), and its binds. */
  private record Filter(String fragment, TitleState state) {
    Filter {
      fragment = fragment == null ? "" : fragment.strip().toLowerCase(Locale.ROOT);
    }

    String where() {
      List<String> conditions = new ArrayList<>();
      if (!fragment.isEmpty()) {
        conditions.add("lower(name) LIKE ? ESCAPE '\\'");
      }
      if (state != null) {
        conditions.add("state = ?");
      }
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the parameters {@link #where()} names; returns the next parameter's index. */
    int bind(PreparedStatement s) throws SQLException {
      int i = 1;
      if (!fragment.isEmpty()) {
        s.setString(i++, "%" + escape(fragment) + "%");
      }
      if (state != null) {
        s.setString(i++, state.name());
      }
      return i;
    }
  }
}
