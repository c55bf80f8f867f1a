package dev.marquee.catalog.internal.persistence;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.internal.domain.Ratings;
import dev.marquee.catalog.internal.domain.Series;
import dev.marquee.catalog.internal.domain.Series.Episode;
import dev.marquee.catalog.internal.domain.Series.Season;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements of series ({@code catalog.series}) and their episodes, on the caller's connection.
 */
public final class SeriesStore {
  private SeriesStore() {}

  /** An episode with its season number, as read. */
  private record Placed(int season, Episode episode) {}

  public static boolean exists(Connection c, UUID id) throws SQLException {
    return PlainSql.exists(c, "SELECT 1 FROM catalog.series WHERE id = ?", id);
  }

  public static void insert(
      Connection c,
      UUID id,
      String name,
      String synopsis,
      String category,
      MaturityRating rating,
      int year)
      throws SQLException {
    PlainSql.update(
        c,
        "INSERT INTO catalog.series (id, name, synopsis, category, maturity_rating,"
            + " release_year) VALUES (?,?,?,?,?,?)",
        id,
        name,
        synopsis,
        category,
        rating.name(),
        year);
  }

  /** The series with its published episodes by season; 404 {@code series-not-found}. */
  public static Series read(Connection c, UUID id) throws SQLException {
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
}
