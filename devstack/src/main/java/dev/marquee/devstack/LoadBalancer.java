package dev.marquee.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * HAProxy from the operating system's packages in front of N Liberty servers (ADR 21), configured
 * from the template {@code haproxy.cfg} beside this class: round robin, no stickiness, health
 * checks on {@code /health/ready}. Runs in the foreground as a child process, like the other
 * embedded parts.
 */
public final class LoadBalancer implements AutoCloseable {
  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  private final Path folder;
  private final int port;
  private final List<Integer> serverPorts;
  private Process process;

  public LoadBalancer(Path folder, int port, List<Integer> serverPorts) {
    this.folder = folder;
    this.port = port;
    this.serverPorts = List.copyOf(serverPorts);
  }

  /** Fails saying what to install when HAProxy is not there. */
  static Path executable() {
    Path onPath =
        List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
            .map(dir -> Path.of(dir.isEmpty() ? "." : dir, "haproxy"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(HAPROXY);
    if (!Files.isExecutable(onPath)) {
      throw new IllegalStateException(
          "More than one server needs HAProxy in front of them, and there is none at "
              + HAPROXY
              + " or on the PATH: apt-get install haproxy");
    }
    return onPath;
  }

  /** The configuration for these ports, from the template. */
  String configuration() throws IOException {
    String template;
    try (InputStream in = LoadBalancer.class.getResourceAsStream("haproxy.cfg")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String servers =
        java.util.stream.IntStream.range(0, serverPorts.size())
            .mapToObj(
                i -> "    server server-" + (i + 1) + " 127.0.0.1:" + serverPorts.get(i) + " check")
            .collect(Collectors.joining("\n"));
    return template.replace("@PORT@", Integer.toString(port)).replace("@SERVERS@", servers);
  }

  public void start() throws IOException {
    Path haproxy = executable();
    Files.createDirectories(folder);
    Path config = folder.resolve("haproxy.cfg");
    Files.writeString(config, configuration(), StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(folder.resolve("haproxy.log").toFile());
    process = builder.start();
  }

  /** Waits until a request through the balancer reaches a ready server. */
  public void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "HAProxy exited with code " + process.exitValue() + "; see " + logFile());
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
        last = Integer.toString(response.statusCode());
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException(
        "The load balancer had no ready server within " + timeout + " (last: " + last + ")");
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Path logFile() {
    return folder.resolve("haproxy.log");
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    process = null;
  }
}
