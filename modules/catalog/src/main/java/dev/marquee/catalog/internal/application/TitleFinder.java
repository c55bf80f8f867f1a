package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.api.TitleSummary;
import dev.marquee.catalog.internal.persistence.TitleListingQuery;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Finds titles for admins by a fragment of their name, in every state, ordered by name, a page at a
 * time (the statements are {@link TitleListingQuery}'s, each on a connection of its own).
 */
@ApplicationScoped
public class TitleFinder {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** One page of the titles whose name contains the fragment, in {@code state} (null: any). */
  public List<TitleSummary> find(String fragment, TitleState state, int offset, int limit) {
    return PlainSql.call(
        db, "find titles", c -> TitleListingQuery.find(c, fragment, state, offset, limit));
  }

  /** How many titles {@link #find} finds in all. */
  public long count(String fragment, TitleState state) {
    return PlainSql.call(db, "count titles", c -> TitleListingQuery.count(c, fragment, state));
  }

  /** Every state with how many titles are in it now (0 for a state without titles). */
  public Map<TitleState, Long> countByState() {
    return PlainSql.call(db, "count titles", TitleListingQuery::countByState);
  }
}
