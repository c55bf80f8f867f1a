package dev.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class JobWatchTest {
  private static JsonObject job(String state, String batchStatus, String failure) {
    return Json.parseObject(
        """
        {"id":"j1","titleId":"t1","state":"%s","batchStatus":"%s","failure":%s,
         "rungs":{"1080p":{"done":1,"total":4},"240p":{"done":4,"total":4},
                  "360p":{"done":2,"total":4}}}"""
            .formatted(state, batchStatus, failure == null ? "null" : "\"" + failure + "\""));
  }

  @Test
  void publishedEndsTheWatchAndFailedOrStoppedJobsFailIt() {
    assertThat(JobWatch.verdict(null)).isEqualTo(JobWatch.Verdict.WAITING);
    assertThat(JobWatch.verdict(job("TRANSCODING", "STARTED", null)))
        .isEqualTo(JobWatch.Verdict.RUNNING);
    assertThat(JobWatch.verdict(job("PUBLISHED", "STARTED", null)))
        .isEqualTo(JobWatch.Verdict.PUBLISHED);
    assertThat(JobWatch.verdict(job("FAILED", "FAILED", "step encode failed")))
        .isEqualTo(JobWatch.Verdict.FAILED);
    assertThat(JobWatch.verdict(job("TRANSCODING", "STOPPED", null)))
        .isEqualTo(JobWatch.Verdict.FAILED);
    assertThat(JobWatch.failure(job("FAILED", "FAILED", "step encode failed")))
        .isEqualTo("transcode job j1 failed: step encode failed");
    assertThat(JobWatch.failure(job("TRANSCODING", "STOPPED", null)))
        .isEqualTo("transcode job j1 failed: batch status STOPPED");
  }

  @Test
  void rungsRunFromTheSmallestPicture() {
    assertThat(JobWatch.rungs(job("TRANSCODING", "STARTED", null)))
        .containsExactly(
            new JobWatch.Rung("240p", 4, 4),
            new JobWatch.Rung("360p", 2, 4),
            new JobWatch.Rung("1080p", 1, 4));
    assertThat(JobWatch.newest(Json.parseArray("[]"))).isNull();
  }
}
