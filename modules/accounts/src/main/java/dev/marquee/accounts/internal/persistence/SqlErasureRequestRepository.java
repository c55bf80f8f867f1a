package dev.marquee.accounts.internal.persistence;

import static dev.marquee.platform.api.PlainSql.instant;

import dev.marquee.accounts.internal.domain.ErasureRequest;
import dev.marquee.accounts.internal.domain.ErasureRequestRepository;
import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Erasure requests in {@code accounts.erasure_requests} and {@code accounts.erasure_steps}, in
 * plain SQL: claiming needs {@code FOR UPDATE SKIP LOCKED} and lease arithmetic on the database's
 * clock (every server compares against the same one). Joins the caller's JTA transaction.
 */
@ApplicationScoped
public class SqlErasureRequestRepository implements ErasureRequestRepository {
  private static final String WHAT = "read or write erasure requests";

  private static final String COLUMNS =
      "r.id, r.account_id, r.pseudonym, r.requested_at, r.completed_at,"
          + " array(SELECT s.part FROM accounts.erasure_steps s WHERE s.request_id = r.id)";

  // An unfinished request whose lease is free or ran out; SKIP LOCKED so that two servers
  // sweeping at once claim different requests instead of waiting on each other.
  private static final String CLAIMABLE =
      "completed_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Override
  public ErasureRequest open(UUID accountId) {
    return call(
        c -> {
          PlainSql.update(
              c,
              "INSERT INTO accounts.erasure_requests (id, account_id) VALUES (?, ?)"
                  + " ON CONFLICT (account_id) DO NOTHING",
              UUID.randomUUID(),
              accountId);
          return select(c, "r.account_id = ?", accountId).orElseThrow();
        });
  }

  @Override
  public boolean isPending(UUID accountId) {
    return call(
        c ->
            PlainSql.exists(
                c,
                "SELECT 1 FROM accounts.erasure_requests WHERE account_id = ?"
                    + " AND completed_at IS NULL",
                accountId));
  }

  @Override
  public Optional<ErasureRequest> find(UUID id) {
    return call(c -> select(c, "r.id = ?", id));
  }

  @Override
  public Optional<ErasureRequest> claim(UUID id, String server, Duration lease) {
    return claimWhere("id = ? AND " + CLAIMABLE, id, server, lease);
  }

  @Override
  public Optional<ErasureRequest> claimNext(String server, Duration lease) {
    return claimWhere(
        "id = (SELECT id FROM accounts.erasure_requests WHERE "
            + CLAIMABLE
            + " ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)",
        null,
        server,
        lease);
  }

  private Optional<ErasureRequest> claimWhere(
      String where, UUID id, String server, Duration lease) {
    Object[] params =
        id == null
            ? new Object[] {server, lease.toSeconds()}
            : new Object[] {server, lease.toSeconds(), id};
    return call(
        c -> {
          Optional<UUID> claimed =
              PlainSql.queryOne(
                  c,
                  "UPDATE accounts.erasure_requests SET claimed_by = ?,"
                      + " claimed_until = now() + make_interval(secs => ?),"
                      + " attempts = attempts + 1 WHERE "
                      + where
                      + " RETURNING id",
                  r -> r.getObject(1, UUID.class),
                  params);
          return claimed.isEmpty() ? Optional.empty() : select(c, "r.id = ?", claimed.get());
        });
  }

  @Override
  public void markDone(UUID id, String part) {
    update(
        "INSERT INTO accounts.erasure_steps (request_id, part, done_at) VALUES (?, ?, now())"
            + " ON CONFLICT DO NOTHING",
        id,
        part);
  }

  @Override
  public void complete(UUID id) {
    update(
        "UPDATE accounts.erasure_requests SET account_id = NULL, completed_at = now(),"
            + " claimed_by = NULL, claimed_until = NULL, last_error = NULL"
            + " WHERE id = ? AND completed_at IS NULL",
        id);
  }

  @Override
  public void release(UUID id, String error, Duration retryIn) {
    String text = error == null ? "unknown error" : error;
    update(
        "UPDATE accounts.erasure_requests SET last_error = ?,"
            + " claimed_until = now() + make_interval(secs => ?) WHERE id = ?",
        text.length() > 1000 ? text.substring(0, 1000) : text,
        retryIn.toSeconds(),
        id);
  }

  private static Optional<ErasureRequest> select(Connection c, String where, UUID value)
      throws SQLException {
    return PlainSql.queryOne(
        c,
        "SELECT " + COLUMNS + " FROM accounts.erasure_requests r WHERE " + where,
        SqlErasureRequestRepository::request,
        value);
  }

  private static ErasureRequest request(ResultSet r) throws SQLException {
    Set<String> parts = new HashSet<>();
    for (Object part : (Object[]) r.getArray(6).getArray()) {
      parts.add((String) part);
    }
    return new ErasureRequest(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        r.getObject(3, UUID.class),
        r.getTimestamp(4).toInstant(),
        instant(r.getTimestamp(5)),
        parts);
  }

  private void update(String sql, Object... params) {
    PlainSql.update(db, WHAT, sql, params);
  }

  private <T> T call(PlainSql.Work<T> work) {
    return PlainSql.call(db, WHAT, work);
  }
}
