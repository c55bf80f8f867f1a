package dev.marquee.playback.internal.persistence;

import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.SharedReads;
import dev.marquee.platform.api.Transactions;
import dev.marquee.playback.internal.domain.Position;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  @Inject Transactions transactions;

  /**
   * Writes the position unless the stored one has a later (or the same) client time: a retried or
   * late write changes nothing. True when the write took effect, which is then committed.
   *
   * <p>Concurrent writes share one statement and one commit (ADR 51): the writes that arrive while
   * a statement runs go together in the next, each answered with its own outcome once that
   * statement has committed. Writes to the same device's row are judged one after the other, as if
   * they had come alone ({@link #writeAll}).
   */
  public boolean write(Position p) {
    Pending w = new Pending(p);
    if (transactions.active()) {
      // Inside a caller's transaction the write joins it, alone: no other request's write may
      // commit or roll back with that transaction.
      return upsert(List.of(w)).contains(w.row);
    }
    return Boolean.TRUE.equals(writes.read(w));
  }

  /** One write waiting for its statement; equal only to itself, so no two writes are merged. */
  private static final class Pending {
    final Position position;

    /** The row it writes: the table's key. */
    final List<Object> row;

    Pending(Position position) {
      this.position = position;
      this.row = List.of(position.profileId(), position.titleId(), position.deviceId());
    }
  }

  private final SharedReads<Pending, Boolean> writes =
      new SharedReads<>("write positions", 256, this::writeAll);

  /**
   * The batch's writes, in arrival order. Per row, the writes that must be tried one after another
   * form a chain, each newer than the one before; each round writes the next link of every chain. A
   * write no newer than an earlier write to its row in this batch cannot take effect after that
   * one, whether or not that one does, so it is answered at once and costs no statement.
   */
  private Map<Pending, Boolean> writeAll(Set<Pending> batch) {
    Map<Pending, Boolean> applied = new HashMap<>();
    Map<List<Object>, List<Pending>> chains = new LinkedHashMap<>();
    for (Pending w : batch) {
      List<Pending> chain = chains.computeIfAbsent(w.row, row -> new ArrayList<>());
      if (!chain.isEmpty()
          && !w.position.clientTime().isAfter(chain.get(chain.size() - 1).position.clientTime())) {
        applied.put(w, false);
      } else {
        chain.add(w);
      }
    }
    for (int link = 0; ; link++) {
      List<Pending> round = new ArrayList<>();
      for (List<Pending> chain : chains.values()) {
        if (link < chain.size()) {
          round.add(chain.get(link));
        }
      }
      if (round.isEmpty()) {
        return applied;
      }
      // Rows locked in one order on every server: two servers' batches cannot deadlock.
      round.sort(ROW_ORDER);
      Set<List<Object>> written = upsert(round);
      round.forEach(w -> applied.put(w, written.contains(w.row)));
    }
  }

  private static final Comparator<Pending> ROW_ORDER =
      Comparator.comparing((Pending w) -> w.position.profileId())
          .thenComparing(w -> w.position.titleId())
          .thenComparing(w -> w.position.deviceId());

  /**
   * One autocommitted statement for writes to distinct rows: they commit together, and their
   * notifications with them. Returns the rows whose write took effect.
   */
  private Set<List<Object>> upsert(List<Pending> round) {
    int n = round.size();
    Object[][] columns = new Object[8][n];
    for (int i = 0; i < n; i++) {
      Position p = round.get(i).position;
      columns[0][i] = p.accountId();
      columns[1][i] = p.profileId();
      columns[2][i] = p.titleId();
      columns[3][i] = p.deviceId();
      columns[4][i] = p.positionMs();
      columns[5][i] = p.clientTime().toString();
      columns[6][i] = p.event();
      columns[7][i] = p.watched();
    }
    String[] types = {"uuid", "uuid", "uuid", "uuid", "bigint", "text", "text", "boolean"};
    return PlainSql.call(
        db,
        "write positions",
        c -> {
          Object[] arrays = new Object[columns.length];
          for (int col = 0; col < columns.length; col++) {
            arrays[col] = c.createArrayOf(types[col], columns[col]);
          }
          Set<List<Object>> written = new HashSet<>();
          PlainSql.query(
                  c,
                  UPSERT,
                  r ->
                      List.<Object>of(
                          r.getObject(1, UUID.class),
                          r.getObject(2, UUID.class),
                          r.getObject(3, UUID.class)),
                  arrays)
              .forEach(written::add);
          return written;
        });
  }

  private static final String UPSERT =
      "INSERT INTO playback.positions (account_id, profile_id, title_id, device_id, position_ms,"
          + " client_time, event, watched, updated_at)"
          + " SELECT a, p, t, d, ms, ct::timestamptz, e, w, clock_timestamp()"
          + " FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::text[],"
          + " ?::text[], ?::boolean[]) AS u(a, p, t, d, ms, ct, e, w)"
          + " ON CONFLICT (profile_id, title_id, device_id) DO UPDATE SET"
          + " position_ms = EXCLUDED.position_ms, client_time = EXCLUDED.client_time,"
          + " event = EXCLUDED.event, watched = EXCLUDED.watched, updated_at = clock_timestamp()"
          + " WHERE playback.positions.client_time < EXCLUDED.client_time"
          + " RETURNING profile_id, title_id, device_id";

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
