package dev.marquee.accounts.internal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.api.ProblemException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {
  private static PasswordHashing bounded(int concurrent, int queue, int waitSeconds) {
    PasswordHashing hashing = new PasswordHashing();
    hashing.memoryKib = 64;
    hashing.iterations = 1;
    hashing.concurrent = concurrent;
    hashing.queue = queue;
    hashing.waitSeconds = waitSeconds;
    hashing.bound();
    return hashing;
  }

  @Test
  void hashesAndChecksWithinTheBound() {
    PasswordHashing hashing = bounded(1, 0, 1);
    String hash = hashing.hash("correct horse battery");
    assertThat(hashing.matches("correct horse battery", hash)).isTrue();
    assertThat(hashing.matches("wrong", hash)).isFalse();
    assertThat(hashing.matches("anything", hashing.decoy())).isFalse();
  }

  @Test
  void aHashBeyondTheRunningOnesAndAFullQueueIsTurnedAwayAtOnceWithRetryAfter() throws Exception {
    PasswordHashing hashing = bounded(1, 0, 30);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                hashing.bounded(
                    () -> {
                      running.countDown();
                      await(release);
                      return "done";
                    }));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    // No queue: the second is refused without waiting the 30 s.
    assertThatThrownBy(() -> hashing.bounded(() -> "second"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(503);
              assertThat(p.type()).isEqualTo("sign-in-busy");
              assertThat(p.retryAfter()).contains(Duration.ofSeconds(2));
            });
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(hashing.bounded(() -> "after")).isEqualTo("after");
  }

  @Test
  void aQueuedHashRunsWhenTheRunningOneEnds() throws Exception {
    PasswordHashing hashing = bounded(1, 1, 30);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                hashing.bounded(
                    () -> {
                      running.countDown();
                      await(release);
                      return "first";
                    }));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> queued =
        CompletableFuture.supplyAsync(() -> hashing.bounded(() -> "queued"));
    assertThat(queued).isNotDone();
    release.countDown();
    assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("queued");
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
