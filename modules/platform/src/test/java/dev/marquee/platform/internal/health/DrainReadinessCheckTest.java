package dev.marquee.platform.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readiness answer itself (DOWN while draining) is read over HTTP by RollingRestartIT. */
class DrainReadinessCheckTest {
  @TempDir Path folder;

  private final Instant started = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void withoutTheFileTheServerIsReady() {
    assertThat(new DrainReadinessCheck(folder.resolve("drain"), started).draining()).isFalse();
  }

  @Test
  void aFileMadeSinceTheStartTakesTheServerOutOfTheBalancer() throws Exception {
    Path drain = Files.createFile(folder.resolve("drain"));
    Files.setLastModifiedTime(drain, FileTime.from(started.plusSeconds(60)));
    assertThat(new DrainReadinessCheck(drain, started).draining()).isTrue();
  }

  @Test
  void aFileLeftFromBeforeTheStartIsIgnored() throws Exception {
    Path drain = Files.createFile(folder.resolve("drain"));
    Files.setLastModifiedTime(drain, FileTime.from(started.minusSeconds(60)));
    assertThat(new DrainReadinessCheck(drain, started).draining()).isFalse();
  }
}
