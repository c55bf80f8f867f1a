package dev.marquee.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

  @Test
  void aLoneAskerReadsItsOwnKeyAndAnAbsentKeyIsNull() {
    List<Set<Integer>> reads = new ArrayList<>();
    SharedReads<Integer, String> shared =
        new SharedReads<>(
            "read numbers",
            8,
            keys -> {
              reads.add(Set.copyOf(keys));
              Map<Integer, String> found = new HashMap<>();
              keys.stream().filter(k -> k % 2 == 0).forEach(k -> found.put(k, "even " + k));
              return found;
            });

    assertEquals("even 4", shared.read(4));
    assertNull(shared.read(3));
    assertEquals(List.of(Set.of(4), Set.of(3)), reads);
  }

  @Test
  void questionsAskedDuringAReadShareTheNextReadAndEachGetsItsOwnAnswer() throws Exception {
    CountDownLatch firstReadStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstRead = new CountDownLatch(1);
    AtomicInteger readsDone = new AtomicInteger();
    List<Set<Integer>> reads = new ArrayList<>();
    SharedReads<Integer, Integer> shared =
        new SharedReads<>(
            "square numbers",
            100,
            keys -> {
              synchronized (reads) {
                reads.add(Set.copyOf(keys));
              }
              if (readsDone.get() == 0) {
                firstReadStarted.countDown();
                await(releaseFirstRead);
              }
              readsDone.incrementAndGet();
              Map<Integer, Integer> found = new HashMap<>();
              keys.forEach(k -> found.put(k, k * k));
              return found;
            });
    ExecutorService pool = Executors.newFixedThreadPool(21);
    try {
      Future<Integer> first = pool.submit(() -> shared.read(1));
      assertTrue(firstReadStarted.await(10, TimeUnit.SECONDS), "the first read never started");
      List<Future<Integer>> later = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int key = 2 + i % 10; // ten distinct keys, each asked twice
        later.add(pool.submit(() -> shared.read(key)));
      }
      waitUntilQueued(later.size(), shared);
      releaseFirstRead.countDown();

      assertEquals(1, first.get(10, TimeUnit.SECONDS));
      for (int i = 0; i < later.size(); i++) {
        int key = 2 + i % 10;
        assertEquals(key * key, later.get(i).get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    // The questions asked while the first read ran were answered by one later read, not by it,
    // and each distinct key was read once in that batch.
    assertEquals(Set.of(1), reads.get(0));
    assertEquals(2, reads.size(), "reads: " + reads);
    assertEquals(10, reads.get(1).size());
  }

  @Test
  void aFailedReadFailsEveryQuestionOfItsBatchAndTheNextReadWorks() {
    AtomicInteger calls = new AtomicInteger();
    SharedReads<String, String> shared =
        new SharedReads<>(
            "read the sign-ins",
            4,
            keys -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("connection refused");
              }
              return Map.of("a", "A");
            });

    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> shared.read("a"));
    assertTrue(failure.getMessage().contains("read the sign-ins"), failure.getMessage());
    assertTrue(failure.getMessage().contains("connection refused"), failure.getMessage());
    assertEquals("A", shared.read("a"));
  }

  @Test
  void aBatchIsNeverLargerThanItsLimit() throws Exception {
    List<Integer> sizes = new ArrayList<>();
    SharedReads<Integer, Integer> shared =
        new SharedReads<>(
            "read",
            3,
            keys -> {
              synchronized (sizes) {
                sizes.add(keys.size());
              }
              Map<Integer, Integer> found = new HashMap<>();
              keys.forEach(k -> found.put(k, k));
              return found;
            });
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int key = i;
        answers.add(pool.submit(() -> shared.read(key)));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertEquals(i, answers.get(i).get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(sizes.stream().allMatch(s -> s >= 1 && s <= 3), "batch sizes: " + sizes);
    assertEquals(200, sizes.stream().mapToInt(Integer::intValue).sum());
  }

  /** Waits (bounded) until the given number of questions are parked behind the running read. */
  private static void waitUntilQueued(int questions, SharedReads<?, ?> shared)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (shared.queued() < questions) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "only " + shared.queued() + " of " + questions + " questions queued");
      }
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
