package dev.marquee.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real single-node OpenSearch from the official distribution zip (Maven Central's {@code
 * org.opensearch.distribution.integ-test-zip:opensearch}), unpacked into a folder and run on
 * 127.0.0.1 with a JDK 21+ (OpenSearch 3 needs one) as a non-root user (OpenSearch refuses root:
 * when this JVM is root, the node runs as {@code nobody} through {@code setpriv}).
 */
public final class EmbeddedOpenSearch implements AutoCloseable {
  private final Path zip;
  private final Path folder;
  private final int httpPort;
  private final int transportPort;
  private Process process;

  public EmbeddedOpenSearch(Path zip, Path folder, int httpPort, int transportPort) {
    this.zip = zip;
    this.folder = folder.toAbsolutePath();
    this.httpPort = httpPort;
    this.transportPort = transportPort;
  }

  /**
   * A JDK 21 or newer: {@code MARQUEE_OPENSEARCH_JAVA_HOME}, else the newest under /usr/lib/jvm.
   */
  public static Optional<Path> jdk() {
    String configured = System.getenv("MARQUEE_OPENSEARCH_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured.strip())).filter(j -> version(j) >= 21);
    }
    try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
      return jvms.filter(j -> version(j) >= 21)
          .max(Comparator.comparingInt(EmbeddedOpenSearch::version));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What to tell someone whose machine has no JDK 21+. */
  public static String jdkAdvice() {
    return "OpenSearch 3 needs a JDK 21 or newer and none was found: install one (e.g. apt-get"
        + " install temurin-25-jdk, or any JDK 21+) and set MARQUEE_OPENSEARCH_JAVA_HOME to it.";
  }

  private static int version(Path jdk) {
    Path release = jdk.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(jdk.resolve("bin/java"))) {
      return 0;
    }
    try {
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring(13).replace("\"", "");
          return Integer.parseInt(v.split("[.+-]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Unpacks (first time), starts the node and waits until it answers. */
  public void start() throws Exception {
    Path jdk = jdk().orElseThrow(() -> new IllegalStateException(jdkAdvice()));
    Path distribution = unpack();
    Path data = Files.createDirectories(folder.resolve("data"));
    Path logs = Files.createDirectories(folder.resolve("logs"));
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      run("chown", "-R", "nobody:nogroup", folder.toString());
      // nobody must reach the folder: let it traverse (not list) the folders above.
      for (Path up = folder.getParent(); up != null; up = up.getParent()) {
        var mode = Files.getPosixFilePermissions(up);
        if (!mode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
          mode = new HashSet<>(mode);
          mode.add(PosixFilePermission.OTHERS_EXECUTE);
          Files.setPosixFilePermissions(up, mode);
        }
      }
      command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
    }
    command.add(distribution.resolve("bin/opensearch").toString());
    command.addAll(
        List.of(
            "-Ediscovery.type=single-node",
            "-Enetwork.host=127.0.0.1",
            "-Ehttp.port=" + httpPort,
            "-Etransport.port=" + transportPort,
            "-Epath.data=" + data,
            "-Epath.logs=" + logs,
            // A developer's disk may be fuller than a server's: never turn indices read-only.
            "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("OPENSEARCH_JAVA_HOME", jdk.toString());
    builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
    builder.environment().remove("JAVA_HOME");
    builder.redirectErrorStream(true);
    builder.redirectOutput(folder.resolve("console.log").toFile());
    process = builder.start();
    awaitUp(Duration.ofMinutes(3));
  }

  private void awaitUp(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "OpenSearch exited with "
                + process.exitValue()
                + "; see "
                + folder.resolve("console.log"));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "OpenSearch did not answer within "
            + timeout.toSeconds()
            + " s; see "
            + folder.resolve("console.log"));
  }

  /** The distribution folder, unpacked from the zip on first use. */
  private Path unpack() throws IOException, InterruptedException {
    Files.createDirectories(folder);
    try (ZipFile z = new ZipFile(zip.toFile())) {
      String root = z.entries().nextElement().getName().split("/")[0];
      Path distribution = folder.resolve(root);
      if (Files.isExecutable(distribution.resolve("bin/opensearch"))) {
        return distribution;
      }
      var entries = z.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        Path target = folder.resolve(e.getName()).normalize();
        if (!target.startsWith(folder)) {
          throw new IOException("zip entry outside the folder: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = z.getInputStream(e)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      try (Stream<Path> bin = Files.list(distribution.resolve("bin"))) {
        bin.forEach(f -> f.toFile().setExecutable(true, false));
      }
      return distribution;
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(OutputStream.nullOutputStream());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the node (SIGTERM, then SIGKILL after 30 s); its data stays for the next start. */
  public void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    process = null;
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
