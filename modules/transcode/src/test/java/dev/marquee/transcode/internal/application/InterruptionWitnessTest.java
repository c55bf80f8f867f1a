package dev.marquee.transcode.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A FAILED execution counts as interrupted only after staying so, without progress, a while. */
class InterruptionWitnessTest {
  private static final UUID JOB = UUID.randomUUID();
  private static final Instant T0 = Instant.parse("2026-12-05T22:00:00Z");
  private final InterruptionWitness witness = new InterruptionWitness();

  private boolean at(long seconds, long execution, long progress) {
    return witness.failedAndStill(JOB, execution, progress, T0.plusSeconds(seconds));
  }

  @Test
  void oneSightingIsNotEnoughThirtySecondsWithoutProgressAre() {
    assertThat(at(0, 1, 7)).isFalse();
    assertThat(at(15, 1, 7)).isFalse();
    assertThat(at(29, 1, 7)).isFalse();
    assertThat(at(30, 1, 7)).isTrue();
    // Once told, the watch starts over (a second restart needs its own 30 s).
    assertThat(at(31, 1, 7)).isFalse();
  }

  @Test
  void progressOrAnotherExecutionStartsTheWatchAgain() {
    assertThat(at(0, 1, 7)).isFalse();
    assertThat(at(20, 1, 8)).isFalse(); // a chunk finished: the job works
    assertThat(at(40, 1, 8)).isFalse();
    assertThat(at(50, 1, 8)).isTrue();
    assertThat(at(60, 2, 8)).isFalse();
    assertThat(at(95, 2, 8)).isTrue();
  }

  @Test
  void aJobSeenRunningOrFinishedIsForgotten() {
    assertThat(at(0, 1, 7)).isFalse();
    witness.clear(JOB);
    assertThat(at(30, 1, 7)).isFalse();
    witness.keepOnly(Set.of());
    assertThat(at(60, 1, 7)).isFalse();
    assertThat(at(90, 1, 7)).isTrue();
  }
}
