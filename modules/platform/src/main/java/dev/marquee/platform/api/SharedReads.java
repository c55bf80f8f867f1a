package dev.marquee.platform.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Concurrent reads of one kind share database round trips (ADR 48, ADR 49). The first asker reads
 * at once; askers arriving while a read runs queue up, and the next read answers all of them with
 * one statement over their distinct keys. Every answer therefore comes from a read that started
 * after its question was asked, which is what a read of its own would have given: a revocation, a
 * stopped session or a removed device committed before the question is seen by its answer.
 *
 * <p>No thread of its own: the asker at the head of the queue does the next read. A failed read
 * fails every question of its batch and none is left waiting.
 *
 * <p>Writes that one statement can answer for many requests use it too (ADR 51): each write is its
 * own key (a class equal only to itself), the reader runs the statement and answers each key with
 * its outcome, and every asker returns only after the statement holding its row has committed.
 *
 * @param <K> what a question asks about (equal keys in one batch are read once)
 * @param <V> the answer; a key missing from the reader's map is answered with null
 */
public final class SharedReads<K, V> {
  private final String what;
  private final int maxBatch;
  private final Function<Set<K>, Map<K, V>> reader;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Ask<K, V>> waiting = new ArrayDeque<>();
  private boolean reading;

  /**
   * @param what what is read, for the failure's message ("read the sign-ins")
   * @param maxBatch the most questions one read answers
   * @param reader reads the given keys in one round trip; keys it does not return are absent
   */
  public SharedReads(String what, int maxBatch, Function<Set<K>, Map<K, V>> reader) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
    this.what = what;
    this.maxBatch = maxBatch;
    this.reader = reader;
  }

  /** One request's question and, once set, its answer. */
  private static final class Ask<K, V> {
    static final int WAITING = 0;
    static final int ANSWERED = 1;
    static final int READ_NEXT = 2;

    final K key;
    final Thread asker = Thread.currentThread();
    V value;
    RuntimeException failure;
    volatile int state = WAITING;

    Ask(K key) {
      this.key = key;
    }

    void answer(V value, RuntimeException failure) {
      this.value = value;
      this.failure = failure;
      state = ANSWERED;
      if (asker != Thread.currentThread()) {
        LockSupport.unpark(asker);
      }
    }

    V result() {
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }

  /**
   * The answer for {@code key} from a read that started after this call: null when absent.
   *
   * @throws IllegalStateException when the read failed (its cause is the reader's exception)
   */
  public V read(K key) {
    Ask<K, V> me = new Ask<>(key);
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
    List<Ask<K, V>> batch = new ArrayList<>();
    Ask<K, V> next;
    try {
      lock.lock();
      try {
        while (batch.size() < maxBatch && !waiting.isEmpty()) {
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

  /** Questions waiting for a read (the running read's batch excluded). */
  int queued() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Parks until the question is answered or its asker is to read next; keeps interrupts. */
  private static int awaitTurn(Ask<?, ?> me) {
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

  private void answer(List<Ask<K, V>> batch) {
    Map<K, V> found;
    try {
      Set<K> keys = new LinkedHashSet<>();
      batch.forEach(ask -> keys.add(ask.key));
      found = reader.apply(keys);
    } catch (RuntimeException | Error e) {
      RuntimeException failure =
          new IllegalStateException(
              "Cannot " + what + " for " + batch.size() + " requests: " + e.getMessage(), e);
      batch.forEach(ask -> ask.answer(null, failure));
      if (e instanceof Error error) {
        throw error;
      }
      return;
    }
    batch.forEach(ask -> ask.answer(found.get(ask.key), null));
  }
}
