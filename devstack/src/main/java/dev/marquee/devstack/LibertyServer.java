package dev.marquee.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Liberty server that app-ear installed (target/liberty/wlp), run as a child process with its
 * configuration passed as environment variables, exactly as an operator would.
 */
public final class LibertyServer implements AutoCloseable {
  public static final String SERVER_NAME = "marquee";

  private final String serverName;
  private final Path wlpDirectory;
  private final Path outputDirectory;
  private final Map<String, String> environment;
  private final int httpPort;
  private final boolean inheritConsole;
  private Process process;

  public LibertyServer(
      Path wlpDirectory,
      Path outputDirectory,
      Map<String, String> environment,
      int httpPort,
      boolean inheritConsole) {
    this(SERVER_NAME, wlpDirectory, outputDirectory, environment, httpPort, inheritConsole);
  }

  /** Another server of the same runtime (the messaging server, ADR 22); httpPort may be -1. */
  LibertyServer(
      String serverName,
      Path wlpDirectory,
      Path outputDirectory,
      Map<String, String> environment,
      int httpPort,
      boolean inheritConsole) {
    this.serverName = serverName;
    this.wlpDirectory = wlpDirectory;
    this.outputDirectory = outputDirectory;
    this.environment = new ConcurrentHashMap<>(environment);
    this.httpPort = httpPort;
    this.inheritConsole = inheritConsole;
  }

  /**
   * Changes one environment variable for the next start, as an operator changes a deployment's
   * configuration between restarts (rotating a key-encryption key, say).
   */
  public void environment(String name, String value) {
    environment.put(name, value);
  }

  public String environment(String name) {
    return environment.get(name);
  }

  /**
   * Another server of the same fleet: the same configuration and shared services, its own output
   * folder and ports (HTTP_PORT, HTTPS_PORT, MESSAGING_PORT in {@code overrides}), plus whatever
   * else {@code overrides} sets. Started and stopped on its own.
   */
  public LibertyServer sibling(Path output, int siblingHttpPort, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(overrides);
    env.put("HTTP_PORT", Integer.toString(siblingHttpPort));
    return new LibertyServer(wlpDirectory, output, env, siblingHttpPort, inheritConsole);
  }

  public void start() throws IOException {
    start(false);
  }

  /**
   * Starts the server with its caches cleared ({@code server run --clean}), as after a change of
   * which configuration fragments it includes: a restart that kept its cache left JMS resources of
   * a newly included fragment out of the configuration (ADR 10).
   */
  public void startClean() throws IOException {
    start(true);
  }

  private void start(boolean clean) throws IOException {
    Path script = wlpDirectory.resolve("bin/server");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(
          "No Liberty server at "
              + wlpDirectory
              + ". Build it first: mvn -DskipTests package (app-ear installs it).");
    }
    Files.createDirectories(outputDirectory);
    ProcessBuilder builder =
        clean
            ? new ProcessBuilder(script.toString(), "run", serverName, "--clean")
            : new ProcessBuilder(script.toString(), "run", serverName);
    builder.environment().putAll(environment);
    builder.environment().put("WLP_OUTPUT_DIR", outputDirectory.toString());
    builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    if (inheritConsole) {
      builder.inheritIO();
    } else {
      builder.redirectErrorStream(true);
      builder.redirectOutput(outputDirectory.resolve("console.log").toFile());
    }
    process = builder.start();
  }

  /** Waits until /health/ready answers 200, or fails naming the log to read. */
  public void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            "Liberty exited with code " + process.exitValue() + "; see " + logFile());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "Liberty was not ready within " + timeout + " (last: " + last + "); see " + logFile());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public Path logFile() {
    return outputDirectory.resolve(serverName).resolve("logs/messages.log");
  }

  public int httpPort() {
    return httpPort;
  }

  /** Whether the JVM this object started is still running (false after a crash or a kill). */
  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The exit code of a JVM that ended on its own, or -1 while it runs or was never started. */
  public int exitCode() {
    return process == null || process.isAlive() ? -1 : process.exitValue();
  }

  /** Waits until something listens on the port (a server without HTTP, such as messaging). */
  public void awaitListening(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            serverName + " exited with code " + process.exitValue() + "; see " + logFile());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        return;
      } catch (IOException e) {
        Thread.sleep(300);
      }
    }
    throw new IllegalStateException(
        serverName + " did not listen on " + port + " within " + timeout + "; see " + logFile());
  }

  /**
   * The file whose presence takes this server out of the load balancer (readiness DOWN, ADR 33):
   * {@code drain} in the server's output folder, Liberty's working directory.
   */
  public Path drainFile() {
    return outputDirectory.resolve(serverName).resolve("drain");
  }

  /**
   * Starts draining: readiness goes DOWN, so the load balancer sends no new requests while those on
   * the server finish. Ends when the server stops (a file older than the JVM is ignored).
   */
  public void drain() throws IOException {
    Path file = drainFile();
    Files.createDirectories(file.getParent());
    Files.writeString(file, "drained by devstack at " + Instant.now() + "\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
  }

  /** Whether the server itself answers /health/ready with 200 now. */
  public boolean ready() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    }
  }

  public long pid() {
    return process == null ? -1 : process.pid();
  }

  /** Kills the server's JVM without warning, as a crash or a power cut would. */
  public void kill() throws InterruptedException {
    if (process == null) {
      return;
    }
    ProcessHandle root = process.toHandle();
    root.descendants().forEach(ProcessHandle::destroyForcibly);
    root.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    process = null;
  }

  /** Stops the server the way an operator does, and waits for the JVM to exit. */
  public void stop() throws IOException, InterruptedException {
    if (process == null) {
      return;
    }
    ProcessBuilder builder =
        new ProcessBuilder(wlpDirectory.resolve("bin/server").toString(), "stop", serverName);
    builder.environment().putAll(environment);
    builder.environment().put("WLP_OUTPUT_DIR", outputDirectory.toString());
    builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process stopper = builder.start();
    stopper.waitFor(60, TimeUnit.SECONDS);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    process = null;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
  }
}
