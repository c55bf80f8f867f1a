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
    SecretFiles secrets = SecretFiles.in(folder.resolve("secrets"));
    Keystores.ensureTls(secrets, "test-password");
    Path pem = Keystores.tlsPem(secrets, "test-password", "tls-balancer.pem");
    String config =
        new LoadBalancer(folder, 18080, 18443, pem, true, List.of(18081, 18082)).configuration();
    assertThat(config)
        .contains("bind 127.0.0.1:18080")
        .contains("bind 127.0.0.1:18443 ssl crt " + pem)
        .contains("http-request redirect code 308 location https://")
        .contains("server server-1 127.0.0.1:18081 check")
        .contains("server server-2 127.0.0.1:18082 check")
        .contains("option httpchk GET /health/ready")
        .contains("use_backend console if { path_beg /console/ }")
        .doesNotContain("@");
    // Only the console's pages stick to a server; the API, manifests and segments never do.
    String api =
        config.substring(
            config.indexOf("\nbackend servers"), config.indexOf("\n# The console only"));
    String console = config.substring(config.indexOf("\nbackend console"));
    assertThat(api).doesNotContain("cookie");
    assertThat(console)
        .contains("cookie MARQUEE_SERVER insert indirect nocache httponly")
        .contains("server server-1 127.0.0.1:18081 cookie s1 track servers/server-1")
        .contains("server server-2 127.0.0.1:18082 cookie s2 track servers/server-2");
    assertThat(Files.readString(pem))
        .startsWith("-----BEGIN CERTIFICATE-----")
        .contains("-----BEGIN PRIVATE KEY-----");
    assertThat(new LoadBalancer(folder, 18080, 18443, pem, false, List.of(18081)).configuration())
        .doesNotContain("http-request redirect");
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
