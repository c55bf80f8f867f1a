package dev.marquee.catalog.internal.application;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.internal.domain.Ratings;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Series: created by admins; their episodes are titles placed by season and episode number. */
@ApplicationScoped
public class SeriesCatalog {
  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** A series with its seasons, each with the episodes a viewer may open. */
  public record Series(
      String id,
      String name,
      String synopsis,
      String category,
      String maturityRating,
      int releaseYear,
      List<Season> seasons) {}

  /** One season. */
  public record Season(int number, List<Episode> episodes) {}

  /** One episode: a title. */
  public record Episode(int number, String titleId, String name, Long durationMillis) {}

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
          if (!PlainSql.exists(c, "SELECT 1 FROM catalog.categories WHERE slug = ?", category)) {
            throw ProblemException.badRequest(
                "unknown-category", "There is no category " + category + ".");
          }
          UUID id = UUID.randomUUID();
          PlainSql.update(
              c,
              "INSERT INTO catalog.series (id, name, synopsis, category, maturity_rating,"
                  + " release_year) VALUES (?,?,?,?,?,?)",
              id,
              name.strip(),
              synopsis == null ? "" : synopsis,
              category,
              rating.name(),
              year);
          return read(c, id);
        });
  }

  /** The series with its published episodes by season. */
  public Series get(UUID id) {
    return PlainSql.call(db, "read a series", c -> read(c, id));
  }

  private static Series read(Connection c, UUID id) throws SQLException {
    Series head =
        PlainSql.queryOne(
                c,
                "SELECT name, synopsis, category, maturity_rating, release_year FROM catalog.series"
                    + " WHERE id = ?",
                r ->
                    new Series(
                        id.toString(),
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        Ratings.label(r.getString(4)),
                        r.getInt(5),
                        List.of()),
                id)
            .orElseThrow(
                () -> ProblemException.notFound("series-not-found", "No series " + id + "."));
    Map<Integer, List<Episode>> seasons = new LinkedHashMap<>();
    for (Placed p :
        PlainSql.query(
            c,
            "SELECT season_number, episode_number, id, name, duration_ms FROM catalog.titles"
                + " WHERE series_id = ? AND state = 'PUBLISHED'"
                + " ORDER BY season_number, episode_number",
            r ->
                new Placed(
                    r.getInt(1),
                    new Episode(
                        r.getInt(2),
                        r.getObject(3).toString(),
                        r.getString(4),
                        (Long) r.getObject(5))),
            id)) {
      seasons.computeIfAbsent(p.season(), n -> new ArrayList<>()).add(p.episode());
    }
    List<Season> list = new ArrayList<>();
    seasons.forEach((n, episodes) -> list.add(new Season(n, episodes)));
    return new Series(
        head.id(),
        head.name(),
        head.synopsis(),
        head.category(),
        head.maturityRating(),
        head.releaseYear(),
        list);
  }

  /** An episode with its season number, as read. */
  private record Placed(int season, Episode episode) {}
}
