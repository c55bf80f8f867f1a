package dev.marquee.catalog.internal.admin;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.internal.domain.Ratings;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT 1 FROM catalog.categories WHERE slug = ?")) {
        s.setString(1, category);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            throw ProblemException.badRequest(
                "unknown-category", "There is no category " + category + ".");
          }
        }
      }
      UUID id = UUID.randomUUID();
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO catalog.series (id, name, synopsis, category, maturity_rating,"
                  + " release_year) VALUES (?,?,?,?,?,?)")) {
        s.setObject(1, id);
        s.setString(2, name.strip());
        s.setString(3, synopsis == null ? "" : synopsis);
        s.setString(4, category);
        s.setString(5, rating.name());
        s.setInt(6, year);
        s.executeUpdate();
      }
      return read(c, id);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create a series: " + e.getMessage(), e);
    }
  }

  /** The series with its published episodes by season. */
  public Series get(UUID id) {
    try (Connection c = db.getConnection()) {
      return read(c, id);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read a series: " + e.getMessage(), e);
    }
  }

  private static Series read(Connection c, UUID id) throws SQLException {
    Series head;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT name, synopsis, category, maturity_rating, release_year FROM catalog.series"
                + " WHERE id = ?")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw ProblemException.notFound("series-not-found", "No series " + id + ".");
        }
        head =
            new Series(
                id.toString(),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                Ratings.label(r.getString(4)),
                r.getInt(5),
                List.of());
      }
    }
    Map<Integer, List<Episode>> seasons = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT season_number, episode_number, id, name, duration_ms FROM catalog.titles"
                + " WHERE series_id = ? AND state = 'PUBLISHED'"
                + " ORDER BY season_number, episode_number")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          seasons
              .computeIfAbsent(r.getInt(1), n -> new ArrayList<>())
              .add(
                  new Episode(
                      r.getInt(2),
                      r.getObject(3).toString(),
                      r.getString(4),
                      (Long) r.getObject(5)));
        }
      }
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
