package dev.marquee.catalog.internal.persistence;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.api.TitleSummary;
import dev.marquee.platform.api.PlainSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The statements that find titles for admins by a fragment of their name, in every state (search
 * for viewers shows published titles only), ordered by name, a page at a time; on the caller's
 * connection.
 *
 * <p>The page and the pager's count are separate queries, so that a table asks for each once. The
 * order walks the indexes on {@code (lower(name), id)} and {@code (state, lower(name), id)}, and a
 * fragment is matched as {@code lower(name) LIKE}, which the trigram index on {@code lower(name)}
 * serves; with no fragment there is no name condition at all (catalog migration V8).
 */
public final class TitleListingQuery {
  private TitleListingQuery() {}

  /** One page of the titles whose name contains the fragment, in {@code state} (null: any). */
  public static List<TitleSummary> find(
      Connection c, String fragment, TitleState state, int offset, int limit) throws SQLException {
    Filter filter = new Filter(fragment, state);
    List<Object> params = filter.params();
    params.add(limit);
    params.add(offset);
    return PlainSql.query(
        c,
        "SELECT id, name, state, category, release_year FROM catalog.titles"
            + filter.where()
            + " ORDER BY lower(name), id LIMIT ? OFFSET ?",
        r ->
            new TitleSummary(
                new TitleId(r.getObject(1, UUID.class)),
                r.getString(2),
                TitleState.valueOf(r.getString(3)),
                r.getString(4),
                r.getInt(5)),
        params.toArray());
  }

  /** How many titles {@link #find} finds in all. */
  public static long count(Connection c, String fragment, TitleState state) throws SQLException {
    Filter filter = new Filter(fragment, state);
    return PlainSql.queryOne(
            c,
            "SELECT count(*) FROM catalog.titles" + filter.where(),
            r -> r.getLong(1),
            filter.params().toArray())
        .orElseThrow();
  }

  /** Every state with how many titles are in it now (0 for a state without titles). */
  public static Map<TitleState, Long> countByState(Connection c) throws SQLException {
    Map<TitleState, Long> counts = new EnumMap<>(TitleState.class);
    for (TitleState state : TitleState.values()) {
      counts.put(state, 0L);
    }
    for (Map.Entry<TitleState, Long> row :
        PlainSql.query(
            c,
            "SELECT state, count(*) FROM catalog.titles GROUP BY state",
            r -> Map.entry(TitleState.valueOf(r.getString(1)), r.getLong(2)))) {
      counts.put(row.getKey(), row.getValue());
    }
    return counts;
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

    /** The parameters {@link #where()} names, in its order (a list the caller may add to). */
    List<Object> params() {
      List<Object> params = new ArrayList<>();
      if (!fragment.isEmpty()) {
        params.add("%" + escape(fragment) + "%");
      }
      if (state != null) {
        params.add(state.name());
      }
      return params;
    }
  }
}
