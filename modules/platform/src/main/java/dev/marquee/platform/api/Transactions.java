package dev.marquee.platform.api;

import java.sql.SQLException;
import java.time.Duration;

/**
 * A JTA transaction begun and ended in code, for the work the {@code @Transactional} interceptor
 * cannot reach: background loops (the licence audit's group commit, the search outbox relay) and a
 * bean's calls to itself. Everywhere else a module marks its public method {@code @Transactional}.
 * Connections taken from the data source inside {@code work} are enlisted; nothing calls {@code
 * setAutoCommit}, {@code commit} or {@code rollback} on them.
 */
public interface Transactions {
  /** A unit of JDBC work. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} in a new transaction that commits when it returns and rolls back when it
   * throws (anything), ended after {@code timeout} at the latest. Must be called outside a
   * transaction.
   */
  <T> T inNewTransaction(Duration timeout, Work<T> work) throws SQLException;

  /**
   * Whether the calling thread is inside a JTA transaction: a read shared with other requests
   * ({@link SharedReads}) would not see that transaction's own writes, so such callers read alone.
   */
  boolean active();
}
