package dev.marquee.catalog.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The statements of the search outbox ({@code catalog.search_outbox}) and of the advisory lock that
 * serialises index writers (relays and rebuilds), each on the caller's connection: the relay runs
 * them in the transactions it begins.
 */
public final class SearchOutboxStore {
  /** The advisory lock that serialises index writers: relays and rebuilds. */
  static final long INDEX_LOCK = 0x5EA4C4_1DL;

  private SearchOutboxStore() {}

  /** Outbox rows claimed by one drain, and the titles they name (in the rows' order). */
  public record Claimed(List<Long> rows, Set<UUID> titles) {}

  /** Takes the index lock until the transaction ends, unless another writer holds it. */
  public static boolean tryLockIndex(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      s.setLong(1, INDEX_LOCK);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    }
  }

  /** Waits for the index lock (a session lock: {@link #unlockIndex} releases it). */
  public static void lockIndex(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
      s.setLong(1, INDEX_LOCK);
      s.execute();
    }
  }

  public static void unlockIndex(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      s.setLong(1, INDEX_LOCK);
      s.execute();
    }
  }

  /** Claims up to {@code batch} of the oldest rows, skipping rows another server claimed. */
  public static Claimed claim(Connection c, int batch) throws SQLException {
    List<Long> rows = new ArrayList<>();
    Set<UUID> titles = new LinkedHashSet<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, title_id FROM catalog.search_outbox ORDER BY id LIMIT ?"
                + " FOR UPDATE SKIP LOCKED")) {
      s.setInt(1, batch);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(r.getLong(1));
          titles.add(r.getObject(2, UUID.class));
        }
      }
    }
    return new Claimed(rows, titles);
  }

  public static void delete(Connection c, List<Long> rows) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM catalog.search_outbox WHERE id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("bigint", rows.toArray()));
      s.executeUpdate();
    }
  }

  /** How many changes wait in the outbox. */
  public static long pending(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM catalog.search_outbox");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }
}
