package dev.marquee.accounts.internal.persistence;

import dev.marquee.platform.api.PlainSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Whether a sign-in (token family) is still live: asked on every request that carries an access
 * token. Read from the shared database every time, so a revocation on any server holds on the next
 * request everywhere.
 *
 * <p>Concurrent questions share reads (ADR 48): the first asker reads at once; askers arriving
 * while a read runs wait, and the next read answers all of them with one statement ({@code id = ANY
 * (...)}). Every answer thus comes from a read that started after its question was asked, which is
 * what a read of its own would give, at one database round trip per batch instead of one per
 * request. No thread of its own: the asker at the head of the queue does the next read.
 */
@ApplicationScoped
public class ActiveSignInQuery {
  private static final String SQL =
      "SELECT id FROM accounts.token_families WHERE id = ANY (?) AND revoked_at IS NULL";
  private static final int MAX_BATCH = 256;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Ask> waiting = new ArrayDeque<>();
  private boolean reading;

  /** One request's question and, once set, its answer. */
  private static final class Ask {
    static final int WAITING = 0;
    static final int ANSWERED = 1;
    static final int READ_NEXT = 2;

    final UUID family;
    final Thread asker = Thread.currentThread();
    boolean active;
    RuntimeException failure;
    volatile int state = WAITING;

    Ask(UUID family) {
      this.family = family;
    }

    void answer(boolean active, RuntimeException failure) {
      this.active = active;
      this.failure = failure;
      state = ANSWERED;
      if (asker != Thread.currentThread()) {
        LockSupport.unpark(asker);
      }
    }

    boolean result() {
      if (failure != null) {
        throw failure;
      }
      return active;
    }
  }

  public boolean isActive(UUID familyId) {
    Ask me = new Ask(familyId);
    boolean reader;
    lock.lock();
    try {
      waiting.add(me);
      reader = !reading;
      reading = true;
    } finally {
      lock.unlock();
    }
    if (!reader && awaitTurn(me) == Ask.ANSWERED) {
      return me.result();
    }
    // This asker is at the head of the queue: its batch starts with itself.
    List<Ask> batch = new ArrayList<>();
    Ask next;
    try {
      lock.lock();
      try {
        while (batch.size() < MAX_BATCH && !waiting.isEmpty()) {
          batch.add(waiting.poll());
        }
      } finally {
        lock.unlock();
      }
      answer(batch);
    } finally {
      lock.lock();
      try {
        next = waiting.peek();
        reading = next != null;
      } finally {
        lock.unlock();
      }
      if (next != null) {
        next.state = Ask.READ_NEXT;
        LockSupport.unpark(next.asker);
      }
    }
    return me.result();
  }

  /** Parks until the question is answered or its asker is to read next; keeps interrupts. */
  private static int awaitTurn(Ask me) {
    boolean interrupted = false;
    int state;
    while ((state = me.state) == Ask.WAITING) {
      LockSupport.park(me);
      interrupted |= Thread.interrupted();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return state;
  }

  private void answer(List<Ask> batch) {
    Set<UUID> live;
    try {
      live = read(batch);
    } catch (RuntimeException | Error e) {
      // Every asker of the batch hears of it; none is left waiting.
      RuntimeException failure =
          new IllegalStateException("Cannot read the sign-ins of " + batch.size() + " requests", e);
      batch.forEach(ask -> ask.answer(false, failure));
      if (e instanceof Error error) {
        throw error;
      }
      return;
    }
    batch.forEach(ask -> ask.answer(live.contains(ask.family), null));
  }

  private Set<UUID> read(List<Ask> batch) {
    Object[] ids = batch.stream().map(ask -> ask.family).distinct().toArray();
    return PlainSql.call(
        db,
        "read the sign-ins",
        c ->
            new HashSet<>(
                PlainSql.query(
                    c, SQL, row -> row.getObject(1, UUID.class), c.createArrayOf("uuid", ids))));
  }
}
