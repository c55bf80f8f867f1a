package dev.marquee.playback.internal.persistence;

import static dev.marquee.platform.api.PlainSql.instant;
import static dev.marquee.platform.api.PlainSql.timestamp;

import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.SharedReads;
import dev.marquee.playback.internal.domain.PlaybackSession;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Playback sessions in {@code playback.sessions}. */
@ApplicationScoped
public class SessionStore {
  private static final String COLUMNS =
      "id, account_id, profile_id, device_id, device_name, title_id, security_level, max_height,"
          + " region, created_at, last_heartbeat_at, expires_at, ended_at, end_reason";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  /** Serialises session starts of one account (inside the caller's transaction). */
  public void lockAccount(UUID account) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      s.setLong(1, account.getMostSignificantBits() ^ account.getLeastSignificantBits() ^ 0x5E55);
      s.executeQuery().close();
    } catch (SQLException e) {
      throw new IllegalStateException("could not lock the account's sessions", e);
    }
  }

  public void insert(PlaybackSession s) {
    update(
        "INSERT INTO playback.sessions (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        s.id(),
        s.accountId(),
        s.profileId(),
        s.deviceId(),
        s.deviceName(),
        s.titleId(),
        s.securityLevel(),
        s.maxHeight(),
        s.region(),
        timestamp(s.createdAt()),
        timestamp(s.lastHeartbeatAt()),
        timestamp(s.expiresAt()),
        null,
        null);
  }

  public Optional<PlaybackSession> find(UUID id) {
    return PlainSql.queryOne(
        db,
        "read playback sessions",
        "SELECT " + COLUMNS + " FROM playback.sessions WHERE id = ?",
        SessionStore::session,
        id);
  }

  /** The account's live sessions, oldest first. */
  public List<PlaybackSession> live(UUID account, Instant now) {
    return select(
        "SELECT "
            + COLUMNS
            + " FROM playback.sessions WHERE account_id = ? AND ended_at IS NULL AND expires_at > ?"
            + " ORDER BY created_at, id",
        account,
        timestamp(now));
  }

  /** A session and how many live sessions of its account started before it. */
  public record Ranked(PlaybackSession session, int liveBefore) {}

  /**
   * The session, with the account's live sessions that started before it counted in the same
   * statement (the licence server's concurrent-stream rule needs both), live as of the read.
   * Concurrent licences share the read ({@link SharedReads}): one statement for every session asked
   * about while the previous read ran, each answer from a read that started after its question.
   */
  public Optional<Ranked> findRanked(UUID id) {
    return Optional.ofNullable(rankedReads.read(id));
  }

  private final SharedReads<UUID, Ranked> rankedReads =
      new SharedReads<>("read playback sessions", 256, this::readRanked);

  private Map<UUID, Ranked> readRanked(Set<UUID> ids) {
    return PlainSql.call(
        db,
        "read playback sessions",
        c -> {
          Map<UUID, Ranked> found = new HashMap<>();
          PlainSql.query(
                  c,
                  RANKED,
                  r -> new Ranked(session(r), r.getInt(15)),
                  timestamp(Instant.now()),
                  c.createArrayOf("uuid", ids.toArray()))
              .forEach(ranked -> found.put(ranked.session().id(), ranked));
          return found;
        });
  }

  // The ids behind a scalar subquery: the plan is then the same for any number of them, and
  // PostgreSQL keeps one generic plan per connection instead of planning every read (ADR 53).
  private static final String RANKED =
      "SELECT "
          + COLUMNS
          + ", (SELECT count(*) FROM playback.sessions o WHERE o.account_id = me.account_id"
          + " AND o.ended_at IS NULL AND o.expires_at > ?"
          + " AND (o.created_at, o.id) < (me.created_at, me.id))"
          + " FROM playback.sessions me WHERE id = ANY ((SELECT ?::uuid[])::uuid[])";

  /** Extends a live session; false when it has ended or expired. */
  public boolean heartbeat(UUID id, Instant now, Instant expires) {
    return update(
            "UPDATE playback.sessions SET last_heartbeat_at = ?, expires_at = ? WHERE id = ? AND"
                + " ended_at IS NULL AND expires_at > ?",
            timestamp(now),
            timestamp(expires),
            id,
            timestamp(now))
        == 1;
  }

  public boolean end(UUID id, Instant now, String reason) {
    return update(
            "UPDATE playback.sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at"
                + " IS NULL",
            timestamp(now),
            reason,
            id)
        == 1;
  }

  private int update(String sql, Object... params) {
    return PlainSql.update(db, "write a playback session", sql, params);
  }

  private List<PlaybackSession> select(String sql, Object... params) {
    return PlainSql.query(db, "read playback sessions", sql, SessionStore::session, params);
  }

  private static PlaybackSession session(ResultSet r) throws SQLException {
    return new PlaybackSession(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        r.getObject(3, UUID.class),
        r.getObject(4, UUID.class),
        r.getString(5),
        r.getObject(6, UUID.class),
        r.getString(7),
        r.getInt(8),
        r.getString(9),
        instant(r.getTimestamp(10)),
        instant(r.getTimestamp(11)),
        instant(r.getTimestamp(12)),
        instant(r.getTimestamp(13)),
        r.getString(14));
  }
}
