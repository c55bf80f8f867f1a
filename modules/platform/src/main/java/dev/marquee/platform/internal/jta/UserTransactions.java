package dev.marquee.platform.internal.jta;

import dev.marquee.platform.api.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.sql.SQLException;
import java.time.Duration;

/** {@link Transactions} on the container's {@link UserTransaction}. */
@ApplicationScoped
public class UserTransactions implements Transactions {
  @Resource(lookup = "java:comp/UserTransaction")
  UserTransaction tx;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry registry;

  @Override
  public <T> T inNewTransaction(Duration timeout, Work<T> work) throws SQLException {
    try {
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        throw new IllegalStateException("inNewTransaction is for work outside a transaction");
      }
      tx.setTransactionTimeout((int) Math.max(1, timeout.toSeconds()));
      tx.begin();
    } catch (NotSupportedException | SystemException e) {
      throw new IllegalStateException("could not begin a transaction: " + e.getMessage(), e);
    }
    T result;
    try {
      result = work.run();
    } catch (SQLException | RuntimeException | Error e) {
      rollBack(e);
      throw e;
    }
    try {
      tx.commit();
    } catch (Exception e) {
      throw new SQLException("the transaction did not commit: " + e.getMessage(), "40000", e);
    } finally {
      try {
        tx.setTransactionTimeout(0);
      } catch (SystemException ignored) {
        // back to the default timeout for this thread's next transaction; nothing to undo
      }
    }
    return result;
  }

  /** Asked through the registry: {@code @Transactional} methods may not touch UserTransaction. */
  @Override
  public boolean active() {
    return registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
  }

  private void rollBack(Throwable cause) {
    try {
      tx.rollback();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
