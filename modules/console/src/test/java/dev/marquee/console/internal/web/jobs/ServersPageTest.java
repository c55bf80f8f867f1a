package dev.marquee.console.internal.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.transcode.api.WorkerServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServersPageTest {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final Duration BEAT = Duration.ofSeconds(10);

  private static WorkerServer server(Instant lastSeen, boolean ready) {
    return new WorkerServer(
        "a/1", "jms", true, ready, ready ? null : "batch-partitions", NOW, lastSeen, 7, 2, NOW);
  }

  @Test
  void readinessIsWhatTheLastHeartbeatSaidUntilItFallsSilent() {
    assertThat(ServersPage.readiness(server(NOW.minusSeconds(5), true), NOW, BEAT))
        .isEqualTo("ready");
    assertThat(ServersPage.readiness(server(NOW.minusSeconds(5), false), NOW, BEAT))
        .isEqualTo("not ready (batch-partitions)");
    assertThat(ServersPage.readiness(server(NOW.minusSeconds(45), true), NOW, BEAT))
        .isEqualTo("silent: last heartbeat 45 s ago, when it said ready");
    assertThat(ServersPage.readiness(server(null, false), NOW, BEAT)).startsWith("unknown");
  }

  @Test
  void aServerKnownOnlyFromItsChunksStillCountsThem() {
    ServersPage.Row row =
        ServersPage.row(
            new WorkerServer("old/9", null, false, false, null, null, null, 12, 0, NOW), NOW, BEAT);
    assertThat(row.takesPartitions()).isEqualTo("unknown");
    assertThat(row.lastSeen()).isEqualTo("never");
    assertThat(row.chunksDone()).isEqualTo(12);
  }
}
