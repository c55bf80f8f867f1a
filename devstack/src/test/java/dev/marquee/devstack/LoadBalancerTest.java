package dev.marquee.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadBalancerTest {
  @TempDir Path folder;

  @Test
  void everyServerIsHealthCheckedOnReadinessAndHAProxyAcceptsTheConfiguration() throws Exception {
    String config = new LoadBalancer(folder, 18080, List.of(18081, 18082)).configuration();
    assertThat(config)
        .contains("bind 127.0.0.1:18080")
        .contains("server server-1 127.0.0.1:18081 check")
        .contains("server server-2 127.0.0.1:18082 check")
        .contains("option httpchk GET /health/ready")
        .doesNotContain("@")
        .doesNotContain("cookie");
    Path file = folder.resolve("haproxy.cfg");
    Files.writeString(file, config);
    Process check =
        new ProcessBuilder(LoadBalancer.executable().toString(), "-c", "-f", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes());
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(output).isZero();
  }
}
