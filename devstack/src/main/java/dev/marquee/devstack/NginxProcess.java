package dev.marquee.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One nginx (Debian's package) run in the foreground from a rendered configuration, as a child of
 * this JVM: started, waited for on its port, stopped by its process id.
 */
public final class NginxProcess implements AutoCloseable {
  /** What to install when nginx or its njs module is missing. */
  public static final String INSTALL =
      "apt-get install -y nginx libnginx-mod-http-js (Debian's nginx and its njs module)";

  private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/nginx"));
  private static final Path NJS_MODULE = Path.of("/usr/lib/nginx/modules/ngx_http_js_module.so");

  private final String name;
  private final Path prefix;
  private final Path config;
  private final int port;
  private final Map<String, String> environment;
  private Process process;

  public NginxProcess(
      String name, Path prefix, Path config, int port, Map<String, String> environment) {
    this.name = name;
    this.prefix = prefix;
    this.config = config;
    this.port = port;
    this.environment = environment;
  }

  /** The nginx executable, or a failure that says what to install. */
  public static Path binary() {
    Optional<Path> found = BINARIES.stream().filter(Files::isExecutable).findFirst();
    if (found.isEmpty()) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        Path candidate = Path.of(dir, "nginx");
        if (!dir.isBlank() && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
      throw new IllegalStateException("nginx is not installed. Install it: " + INSTALL);
    }
    return found.get();
  }

  /** The njs module (libnginx-mod-http-js), or a failure that says what to install. */
  public static Path njsModule() {
    if (!Files.isRegularFile(NJS_MODULE)) {
      throw new IllegalStateException(
          "nginx's njs module is missing (" + NJS_MODULE + "). Install it: " + INSTALL);
    }
    return NJS_MODULE;
  }

  /** The {@code user} line a configuration needs: root's workers would otherwise be nobody. */
  public static String userLine() {
    return "root".equals(System.getProperty("user.name")) ? "user root;" : "";
  }

  /** Starts nginx and waits until it accepts connections on its port. */
  public NginxProcess start() throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            binary().toString(),
            "-p",
            prefix.toString(),
            "-c",
            config.toString(),
            "-e",
            prefix.resolve("logs/" + name + "-error.log").toString(),
            "-g",
            "daemon off;");
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(prefix.resolve("logs/" + name + "-console.log").toFile());
    process = builder.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " (nginx) exited with code " + process.exitValue() + ": " + console());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(name + " did not open port " + port + ": " + console());
        }
        Thread.sleep(50);
      }
    }
  }

  public long pid() {
    return process.pid();
  }

  private String console() {
    try {
      Path log = prefix.resolve("logs/" + name + "-console.log");
      Path errors = prefix.resolve("logs/" + name + "-error.log");
      return (Files.exists(log) ? Files.readString(log) : "")
          + (Files.exists(errors) ? Files.readString(errors) : "");
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops nginx (SIGTERM to its master, which stops its workers) and waits for it. */
  @Override
  public void close() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
