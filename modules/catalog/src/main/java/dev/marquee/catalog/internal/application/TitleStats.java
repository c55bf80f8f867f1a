package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.api.EngagementDay;
import dev.marquee.catalog.internal.domain.TitleDay;
import dev.marquee.catalog.internal.persistence.TitleStatsStore;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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

  /** One statement each, so that they also run inside a caller's transaction. */
  public void view(UUID title) {
    LocalDate day = today();
    PlainSql.call(
        db,
        "count a view",
        c -> {
          TitleStatsStore.view(c, title, day);
          return null;
        });
  }

  /** Counts a completion unless this profile already completed the title today. */
  public void completion(UUID profile, UUID title) {
    LocalDate day = today();
    PlainSql.call(
        db,
        "count a completion",
        c -> {
          TitleStatsStore.completion(c, profile, title, day);
          return null;
        });
  }

  public List<TitleDay> days(UUID title, LocalDate from, LocalDate to) {
    return PlainSql.call(db, "read title stats", c -> TitleStatsStore.days(c, title, from, to));
  }

  /** Every title's views and completions added up per day, oldest first. */
  public List<EngagementDay> totals(LocalDate from, LocalDate to) {
    return PlainSql.call(db, "read engagement per day", c -> TitleStatsStore.totals(c, from, to));
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
