package dev.marquee.catalog.internal.persistence;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.internal.domain.CoWatchScoring;
import dev.marquee.catalog.internal.domain.Recommendation;
import dev.marquee.catalog.internal.domain.RecommendationRepository;
import dev.marquee.catalog.internal.domain.ViewerScope;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The recommendation tables in plain SQL on the container's data source (so writes join the JTA
 * transaction): the job's input from completions and title days, its lists, and the reads of a
 * request, which join the stored rows with the titles' current facts by primary key.
 */
@ApplicationScoped
public class SqlRecommendationRepository implements RecommendationRepository {
  private static final String TITLE_FACTS =
      "t.name, t.state, t.maturity_rating, t.regions, t.available_from, t.available_until";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Override
  public Map<UUID, Set<UUID>> completedSince(LocalDate since) {
    Map<UUID, Set<UUID>> history = new HashMap<>();
    query(
        "SELECT DISTINCT profile_id, title_id FROM catalog.completions WHERE day >= ?",
        r ->
            history
                .computeIfAbsent(r.getObject(1, UUID.class), k -> new HashSet<>())
                .add(r.getObject(2, UUID.class)),
        Date.valueOf(since));
    return history;
  }

  @Override
  public Map<UUID, Double> popularitySince(LocalDate since) {
    Map<UUID, Double> popularity = new HashMap<>();
    query(
        // Two aggregates joined once (no index of completions leads with the title).
        "SELECT t.id, coalesce(c.n, 0), coalesce(d.v, 0) FROM catalog.titles t"
            + " LEFT JOIN (SELECT title_id, count(DISTINCT profile_id) AS n"
            + "   FROM catalog.completions WHERE day >= ? GROUP BY title_id) c ON c.title_id = t.id"
            + " LEFT JOIN (SELECT title_id, sum(views) AS v"
            + "   FROM catalog.title_days WHERE day >= ? GROUP BY title_id) d ON d.title_id = t.id",
        r ->
            popularity.put(
                r.getObject(1, UUID.class), CoWatchScoring.popularity(r.getLong(2), r.getLong(3))),
        Date.valueOf(since),
        Date.valueOf(since));
    return popularity;
  }

  @Override
  @Transactional
  public long replaceAll(
      Map<UUID, List<Recommendation>> byProfile, List<Recommendation> popular, Instant computedAt) {
    try (Connection c = db.getConnection()) {
      // Two runs at once would insert each other's keys: the second waits for the first here, and
      // its DELETE then sees what the first committed.
      try (PreparedStatement lock =
              c.prepareStatement(
                  "SELECT 1 FROM catalog.recommendation_runs WHERE id = 1 FOR UPDATE");
          ResultSet locked = lock.executeQuery()) {
        locked.next();
      }
      PlainSql.update(c, "DELETE FROM catalog.recommendations");
      PlainSql.update(c, "DELETE FROM catalog.popular_titles");
      Timestamp at = Timestamp.from(computedAt);
      long rows = 0;
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO catalog.recommendations (profile_id, rank, title_id, score, reason,"
                  + " because_of, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (Map.Entry<UUID, List<Recommendation>> e : byProfile.entrySet()) {
          int rank = 0;
          for (Recommendation rec : e.getValue()) {
            s.setObject(1, e.getKey());
            s.setInt(2, ++rank);
            s.setObject(3, rec.titleId());
            s.setDouble(4, rec.score());
            s.setString(5, rec.reason().name());
            if (rec.becauseOf() == null) {
              s.setNull(6, Types.OTHER);
            } else {
              s.setObject(6, rec.becauseOf());
            }
            s.setTimestamp(7, at);
            s.addBatch();
            if (++rows % 1000 == 0) {
              s.executeBatch();
            }
          }
        }
        s.executeBatch();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO catalog.popular_titles (rank, title_id, score, computed_at)"
                  + " VALUES (?, ?, ?, ?)")) {
        int rank = 0;
        for (Recommendation rec : popular) {
          s.setInt(1, ++rank);
          s.setObject(2, rec.titleId());
          s.setDouble(3, rec.score());
          s.setTimestamp(4, at);
          s.addBatch();
          rows++;
        }
        s.executeBatch();
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("could not store recommendations: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Stored> listOf(UUID profile) {
    List<Stored> list = new ArrayList<>();
    query(
        "SELECT r.title_id, r.score, r.reason, r.because_of, b.name, r.computed_at, "
            + TITLE_FACTS
            + " FROM catalog.recommendations r JOIN catalog.titles t ON t.id = r.title_id"
            + " LEFT JOIN catalog.titles b ON b.id = r.because_of"
            + " WHERE r.profile_id = ? ORDER BY r.rank",
        r ->
            list.add(
                new Stored(
                    new Recommendation(
                        r.getObject(1, UUID.class),
                        r.getDouble(2),
                        Recommendation.Reason.valueOf(r.getString(3)),
                        r.getObject(4, UUID.class)),
                    candidate(r, r.getObject(1, UUID.class), 7),
                    r.getString(5),
                    r.getTimestamp(6).toInstant())),
        profile);
    return list;
  }

  @Override
  public List<Stored> popular() {
    List<Stored> list = new ArrayList<>();
    query(
        "SELECT p.title_id, p.score, p.computed_at, "
            + TITLE_FACTS
            + " FROM catalog.popular_titles p JOIN catalog.titles t ON t.id = p.title_id"
            + " ORDER BY p.rank",
        r ->
            list.add(
                new Stored(
                    new Recommendation(
                        r.getObject(1, UUID.class),
                        r.getDouble(2),
                        Recommendation.Reason.POPULAR,
                        null),
                    candidate(r, r.getObject(1, UUID.class), 4),
                    null,
                    r.getTimestamp(3).toInstant())));
    return list;
  }

  @Override
  public Set<UUID> completedBy(UUID profile) {
    Set<UUID> titles = new HashSet<>();
    query(
        "SELECT DISTINCT title_id FROM catalog.completions WHERE profile_id = ?",
        r -> titles.add(r.getObject(1, UUID.class)),
        profile);
    return titles;
  }

  @Override
  public LastRun lastRun() {
    List<LastRun> runs = new ArrayList<>();
    query(
        "SELECT started_at, completions_seen FROM catalog.recommendation_runs WHERE id = 1",
        r -> {
          Timestamp at = r.getTimestamp(1);
          runs.add(new LastRun(at == null ? null : at.toInstant(), r.getLong(2)));
        });
    return runs.isEmpty() ? new LastRun(null, 0) : runs.get(0);
  }

  @Override
  public long completionCount() {
    long[] count = {0};
    query("SELECT count(*) FROM catalog.completions", r -> count[0] = r.getLong(1));
    return count[0];
  }

  @Override
  public boolean claimRun(LastRun seen, Instant startedAt, long completions) {
    try (Connection c = db.getConnection()) {
      return PlainSql.update(
              c,
              "UPDATE catalog.recommendation_runs SET started_at = ?, completions_seen = ?"
                  + " WHERE id = 1 AND started_at IS NOT DISTINCT FROM ?::timestamptz AND completions_seen = ?",
              Timestamp.from(startedAt),
              completions,
              seen.startedAt() == null ? null : Timestamp.from(seen.startedAt()),
              seen.completionsSeen())
          == 1;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not record a recommendation run: " + e.getMessage(), e);
    }
  }

  private static ViewerScope.Candidate candidate(ResultSet r, UUID id, int first)
      throws SQLException {
    Timestamp until = r.getTimestamp(first + 5);
    return new ViewerScope.Candidate(
        id,
        r.getString(first),
        TitleState.valueOf(r.getString(first + 1)),
        MaturityRating.valueOf(r.getString(first + 2)),
        Set.copyOf(Arrays.asList(r.getString(first + 3).strip().split("\\s+"))),
        r.getTimestamp(first + 4).toInstant(),
        until == null ? null : until.toInstant());
  }

  private void query(String sql, PlainSql.RowReader reader, Object... params) {
    PlainSql.forEach(db, "read recommendations", sql, reader, params);
  }
}
