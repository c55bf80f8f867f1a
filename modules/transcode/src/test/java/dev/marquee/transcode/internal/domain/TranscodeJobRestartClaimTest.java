package dev.marquee.transcode.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TranscodeJobRestartClaimTest {
  private static TranscodeJob running(long execution) {
    TranscodeJob job = new TranscodeJob(UUID.randomUUID(), "masters/m.mp4");
    job.started(execution);
    return job;
  }

  @Test
  void anInterruptedExecutionIsClaimedOnceAndTheNextExecutionMayBeClaimedAgain() {
    TranscodeJob job = running(7);
    assertThat(job.claimAutomaticRestart(7, 3)).isTrue();
    // A second server looking at the same interrupted execution loses.
    job.started(8);
    assertThat(job.claimAutomaticRestart(7, 3)).isFalse();
    assertThat(job.claimAutomaticRestart(8, 3)).isTrue();
    assertThat(job.automaticRestarts()).isEqualTo(2);
  }

  @Test
  void aJobThatKeepsBeingInterruptedIsRestartedAtMostTheLimit() {
    TranscodeJob job = running(1);
    int claimed = 0;
    for (long execution = 1; execution <= 5; execution++) {
      if (job.claimAutomaticRestart(execution, 3)) {
        claimed++;
      }
      job.started(execution + 1);
    }
    assertThat(claimed).isEqualTo(3);
  }

  @Test
  void aJobThatFailedOnItsOwnOrPublishedIsNeverRestarted() {
    TranscodeJob failed = running(4);
    failed.failed("step encode failed");
    assertThat(failed.claimAutomaticRestart(4, 3)).isFalse();
    TranscodeJob published = running(5);
    published.published();
    assertThat(published.claimAutomaticRestart(5, 3)).isFalse();
  }

  @Test
  void aJobWaitingForItsPartitionsToBeDispatchedSaysSoUntilItsNextExecutionStarts() {
    TranscodeJob job = running(9);
    job.awaitingDispatch();
    assertThat(job.isAwaitingDispatch()).isTrue();
    assertThat(job.isUnfinished()).isTrue();
    assertThat(job.failure()).isEqualTo(TranscodeJob.AWAITING_DISPATCH);
    assertThat(job.claimAutomaticRestart(9, 3)).isTrue();
    job.started(10);
    assertThat(job.isAwaitingDispatch()).isFalse();
    assertThat(job.failure()).isNull();
  }

  @Test
  void aFailedJobIsNeverSaidToBeWaiting() {
    TranscodeJob job = running(3);
    job.failed("step encode failed: FAILED");
    job.awaitingDispatch();
    assertThat(job.isAwaitingDispatch()).isFalse();
    assertThat(job.failure()).isEqualTo("step encode failed: FAILED");
  }
}
