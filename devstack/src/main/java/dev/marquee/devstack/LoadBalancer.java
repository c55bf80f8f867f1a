package dev.marquee.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy from the operating system's packages in front of N Liberty servers (ADR 21), configured
 * from the template {@code haproxy.cfg} beside this class: round robin, no stickiness, health
 * checks on {@code /health/ready}, HTTPS with the certificate in {@code certificate} (a PEM file
 * with the key) and, when asked, plain HTTP redirected to it (ADR 33). Runs in the foreground as a
 * child process, like the other embedded parts; its state is read on its admin socket.
 */
public final class LoadBalancer implements AutoCloseable {
  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  private final Path folder;
  private final int port;
  private final int httpsPort;
  private final Path certificate;
  private final boolean redirectHttp;
  private final List<Integer> serverPorts;
  private Process process;

  /**
   * HTTP on {@code port} and HTTPS on {@code httpsPort} on 127.0.0.1; with {@code redirectHttp},
   * every plain HTTP request but the health checks answers 308 to the same URL over HTTPS.
   */
  public LoadBalancer(
      Path folder,
      int port,
      int httpsPort,
      Path certificate,
      boolean redirectHttp,
      List<Integer> serverPorts) {
    this.folder = folder.toAbsolutePath();
    this.port = port;
    this.httpsPort = httpsPort;
    this.certificate = certificate.toAbsolutePath();
    this.redirectHttp = redirectHttp;
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
        IntStream.range(0, serverPorts.size())
            .mapToObj(
                i -> "    server server-" + (i + 1) + " 127.0.0.1:" + serverPorts.get(i) + " check")
            .collect(Collectors.joining("\n"));
    String consoleServers =
        IntStream.range(0, serverPorts.size())
            .mapToObj(
                i ->
                    "    server server-"
                        + (i + 1)
                        + " 127.0.0.1:"
                        + serverPorts.get(i)
                        + " cookie s"
                        + (i + 1)
                        + " track servers/server-"
                        + (i + 1))
            .collect(Collectors.joining("\n"));
    String redirect =
        redirectHttp
            ? "    # Plain HTTP is redirected, method and body kept (308); health checks stay on HTTP.\n"
                + "    http-request redirect code 308 location"
                + " https://%[req.hdr(host),regsub(:[0-9]+$,)]:"
                + httpsPort
                + "%[capture.req.uri] if !{ ssl_fc } !{ path_beg /health/ }"
            : "    # Plain HTTP is served too (a local run's tools use it); production redirects it.";
    return template
        .replace("@PORT@", Integer.toString(port))
        .replace("@HTTPS_PORT@", Integer.toString(httpsPort))
        .replace("@CERTIFICATE@", certificate.toString())
        .replace("@ADMIN_SOCKET@", adminSocket().toString())
        .replace("@HTTP_REDIRECT@", redirect)
        .replace("@CONSOLE_SERVERS@", consoleServers)
        .replace("@SERVERS@", servers);
  }

  /** Where HAProxy answers admin commands ({@code show stat}), owner only. */
  public Path adminSocket() {
    return folder.resolve("admin.sock");
  }

  /** One server as the balancer sees it: its check status and the requests on it now. */
  public record ServerState(String name, String status, int currentSessions) {
    /** In rotation: new requests may go there. */
    public boolean up() {
      return status.startsWith("UP");
    }

    /** Out of rotation: marked down by its checks, drained or in maintenance. */
    public boolean out() {
      return status.startsWith("DOWN") || status.startsWith("NOLB") || status.startsWith("MAINT");
    }
  }

  /** The state of {@code server-N} (1-based, as in the configuration), read from 'show stat'. */
  public ServerState state(int server) throws IOException {
    String name = "server-" + server;
    String csv = adminCommand("show stat");
    List<String> lines = csv.lines().toList();
    if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
      throw new IOException("HAProxy answered 'show stat' with: " + csv);
    }
    List<String> header = List.of(lines.get(0).substring(2).split(","));
    int proxy = header.indexOf("pxname");
    int serverName = header.indexOf("svname");
    int status = header.indexOf("status");
    int sessions = header.indexOf("scur");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f.length > Math.max(status, sessions)
          && "servers".equals(f[proxy])
          && name.equals(f[serverName])) {
        return new ServerState(name, f[status], Integer.parseInt(f[sessions]));
      }
    }
    throw new IOException("HAProxy knows no " + name + ": " + csv);
  }

  /** Sends one command on the admin socket and returns the whole answer. */
  String adminCommand(String command) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(adminSocket()));
      channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      ByteBuffer buffer = ByteBuffer.allocate(16384);
      while (channel.read(buffer) >= 0) {
        answer.write(buffer.array(), 0, buffer.position());
        buffer.clear();
      }
      return answer.toString(StandardCharsets.US_ASCII);
    }
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

  /** Where viewers reach Marquee over HTTPS, with the certificate this balancer was given. */
  public String httpsUrl() {
    return "https://127.0.0.1:" + httpsPort;
  }

  /** Whether plain HTTP requests (but health checks) are redirected to HTTPS. */
  public boolean redirectsHttp() {
    return redirectHttp;
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
