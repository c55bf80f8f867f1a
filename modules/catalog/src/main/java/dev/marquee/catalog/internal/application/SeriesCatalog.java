package dev.marquee.catalog.internal.application;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.internal.domain.Series;
import dev.marquee.catalog.internal.persistence.CategoryQuery;
import dev.marquee.catalog.internal.persistence.SeriesStore;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Year;
import java.util.UUID;
import javax.sql.DataSource;

/** Series: created by admins; their episodes are titles placed by season and episode number. */
@ApplicationScoped
public class SeriesCatalog {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  public Series create(
      String name, String synopsis, String category, MaturityRating rating, int year) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw ProblemException.badRequest("invalid-name", "name must have 1 to 200 characters.");
    }
    if (year < 1888 || year > Year.now().getValue() + 2) {
      throw ProblemException.badRequest("invalid-release-year", "releaseYear is out of range.");
    }
    return PlainSql.call(
        db,
        "create a series",
        c -> {
          if (!CategoryQuery.exists(c, category)) {
            throw ProblemException.badRequest(
                "unknown-category", "There is no category " + category + ".");
          }
          UUID id = UUID.randomUUID();
          SeriesStore.insert(
              c, id, name.strip(), synopsis == null ? "" : synopsis, category, rating, year);
          return SeriesStore.read(c, id);
        });
  }

  /** The series with its published episodes by season. */
  public Series get(UUID id) {
    return PlainSql.call(db, "read a series", c -> SeriesStore.read(c, id));
  }
}
