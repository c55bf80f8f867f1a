package dev.marquee.playback.internal.persistence;

import dev.marquee.platform.api.SharedReads;
import dev.marquee.platform.api.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Group commit for the licence audit trail (ADR 0026): a licence request's audit row is committed
 * before the licence is answered, so an acknowledged licence's row survives a crash; and the rows
 * of requests that arrive while one batch is being written are written together by the next, with
 * one autocommitted statement (one commit, no transaction manager) instead of one commit each.
 *
 * <p>No thread of its own ({@link SharedReads}, ADR 51): the first waiting request writes the next
 * batch on its own thread, so a row is not handed to a writer thread and back. A request inside a
 * JTA transaction does not write on its own thread, where its connection would join that
 * transaction and other requests' rows would commit or roll back with it: it hands the row to a
 * managed thread and waits for it there.
 */
@ApplicationScoped
public class AuditGroupCommit {
  private static final int MAX_BATCH = 500;

  /** A batch not written by then is cancelled and its requests answered with the failure. */
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private static final long WAIT_SECONDS = 10;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject Transactions transactions;

  /** One audit row. Fields the request never established (a forged token) are null. */
  record Row(
      Instant at,
      String kind,
      boolean granted,
      String rule,
      UUID account,
      UUID profile,
      UUID device,
      UUID session,
      UUID title,
      String keyIds,
      String securityLevel) {}

  /** One row waiting for its batch; equal only to itself, so no two rows are merged. */
  private static final class Pending {
    final Row row;

    Pending(Row row) {
      this.row = row;
    }
  }

  private final SharedReads<Pending, Boolean> batches =
      new SharedReads<>("write the licence audit", MAX_BATCH, this::writeAll);

  /** Returns once the row is committed; throws if it could not be (the licence is then refused). */
  public void append(Row row) {
    Pending p = new Pending(row);
    if (!transactions.active()) {
      batches.read(p);
      return;
    }
    Future<Boolean> written = executor.submit(() -> batches.read(p));
    try {
      written.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the licence audit", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(
          "could not write the licence audit: " + cause.getMessage(), cause);
    }
  }

  private Map<Pending, Boolean> writeAll(Set<Pending> batch) {
    try {
      write(batch.stream().map(p -> p.row).toList());
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Map<Pending, Boolean> written = new HashMap<>();
    batch.forEach(p -> written.put(p, true));
    return written;
  }

  /**
   * The whole batch as one statement: its rows become visible, and durable, together when it
   * returns, in autocommit, with no transaction manager around it and one row source for PostgreSQL
   * to plan instead of one {@code INSERT} per row.
   */
  private static final String INSERT =
      "INSERT INTO playback.licence_audit (at, kind, outcome, rule, account_id, profile_id,"
          + " device_id, session_id, title_id, key_ids, security_level)"
          + " SELECT at::timestamptz, kind, outcome, rule, account_id, profile_id, device_id,"
          + " session_id, title_id, key_ids, security_level FROM unnest(?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[],"
          + " ?::text[], ?::text[]) AS r(at, kind, outcome, rule, account_id, profile_id,"
          + " device_id, session_id, title_id, key_ids, security_level)";

  private void write(List<Row> batch) throws SQLException {
    int n = batch.size();
    Object[][] columns = new Object[11][n];
    for (int i = 0; i < n; i++) {
      Row r = batch.get(i);
      columns[0][i] = r.at().toString();
      columns[1][i] = r.kind();
      columns[2][i] = r.granted() ? "GRANTED" : "DENIED";
      columns[3][i] = r.rule();
      columns[4][i] = r.account();
      columns[5][i] = r.profile();
      columns[6][i] = r.device();
      columns[7][i] = r.session();
      columns[8][i] = r.title();
      columns[9][i] = r.keyIds();
      columns[10][i] = r.securityLevel();
    }
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(INSERT)) {
      s.setQueryTimeout((int) WRITE_TIMEOUT.toSeconds());
      for (int col = 0; col < columns.length; col++) {
        String type = col >= 4 && col <= 8 ? "uuid" : "text";
        s.setArray(col + 1, c.createArrayOf(type, columns[col]));
      }
      int written = s.executeUpdate();
      if (written != n) {
        throw new SQLException("wrote " + written + " of " + n + " licence audit rows");
      }
    }
  }
}
