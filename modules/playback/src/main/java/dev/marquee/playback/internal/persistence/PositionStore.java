package dev.marquee.playback.internal.persistence;

import dev.marquee.platform.api.PlainSql;
import dev.marquee.playback.internal.domain.Position;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Positions in {@code playback.positions}. */
@ApplicationScoped
public class PositionStore {
  private static final String COLUMNS =
      "account_id, profile_id, title_id, device_id, position_ms, client_time, event, watched,"
          + " updated_at";

  /** Rows per page of {@link #changedSince}. */
  public static final int PAGE = 2000;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /**
   * Writes the position unless the stored one has a later (or the same) client time: a retried or
   * late write changes nothing. True when the write took effect.
   */
  public boolean write(Position p) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO playback.positions (account_id, profile_id, title_id, device_id,"
                    + " position_ms, client_time, event, watched, updated_at)"
                    + " VALUES (?,?,?,?,?,?,?,?, clock_timestamp())"
                    + " ON CONFLICT (profile_id, title_id, device_id) DO UPDATE SET"
                    + " position_ms = EXCLUDED.position_ms, client_time = EXCLUDED.client_time,"
                    + " event = EXCLUDED.event, watched = EXCLUDED.watched,"
                    + " updated_at = clock_timestamp()"
                    + " WHERE playback.positions.client_time < EXCLUDED.client_time")) {
      s.setObject(1, p.accountId());
      s.setObject(2, p.profileId());
      s.setObject(3, p.titleId());
      s.setObject(4, p.deviceId());
      s.setLong(5, p.positionMs());
      s.setTimestamp(6, Timestamp.from(p.clientTime()));
      s.setString(7, p.event());
      s.setBoolean(8, p.watched());
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not write a position: " + e.getMessage(), e);
    }
  }

  /** The most recent position of the profile in the title, across its devices. */
  public Optional<Position> latest(UUID profile, UUID title) {
    return PlainSql.queryOne(
        db,
        "read positions",
        "SELECT "
            + COLUMNS
            + " FROM playback.positions WHERE profile_id = ? AND title_id = ?"
            + " ORDER BY client_time DESC LIMIT 1",
        PositionStore::position,
        profile,
        title);
  }

  /** Per title, the profile's most recent position, newest first. */
  public List<Position> recentTitles(UUID profile, int limit) {
    return select(
        "SELECT "
            + COLUMNS
            + " FROM (SELECT DISTINCT ON (title_id) * FROM playback.positions WHERE profile_id = ?"
            + " ORDER BY title_id, client_time DESC) latest ORDER BY client_time DESC LIMIT "
            + limit,
        profile);
  }

  /** Positions written since {@code after} (database clock), oldest first. */
  public List<Position> changedSince(Instant after) {
    return select(
        "SELECT "
            + COLUMNS
            + " FROM playback.positions WHERE updated_at > ? ORDER BY updated_at LIMIT "
            + PAGE,
        Timestamp.from(after));
  }

  /** The database's clock, so that change cursors never depend on this server's clock. */
  public Instant databaseNow() {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT clock_timestamp()");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getTimestamp(1).toInstant();
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the database clock: " + e.getMessage(), e);
    }
  }

  private List<Position> select(String sql, Object... params) {
    return PlainSql.query(db, "read positions", sql, PositionStore::position, params);
  }

  private static Position position(ResultSet r) throws SQLException {
    return new Position(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        r.getObject(3, UUID.class),
        r.getObject(4, UUID.class),
        r.getLong(5),
        r.getTimestamp(6).toInstant(),
        r.getString(7),
        r.getBoolean(8),
        r.getTimestamp(9).toInstant());
  }
}
