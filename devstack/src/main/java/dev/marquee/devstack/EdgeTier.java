package dev.marquee.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two caching tiers in front of the origin (ADR 24): an nginx edge that verifies signed segment
 * URLs with njs and caches segments by path and slice, over an nginx origin shield that caches the
 * same way and fetches misses from Marquee. Both run from the templates under {@code
 * dev/marquee/devstack/edge/} in a folder of their own, bound to 127.0.0.1. The edge gets the
 * URL-signing secret and nothing else of Marquee's.
 */
public final class EdgeTier implements AutoCloseable {
  private static final String TEMPLATES = "/dev/marquee/devstack/edge/";

  private final Path dir;
  private final int edgePort;
  private final int httpsPort;
  private final int shieldPort;
  private final int originPort;
  private final String originSecret;
  private String cacheSize = "2g";
  private int workers = 1;
  private NginxProcess shield;
  private NginxProcess edge;

  /**
   * An edge on {@code edgePort} (and HTTPS on {@code httpsPort}, unless 0) over a shield on {@code
   * shieldPort}, in front of Marquee's HTTP port {@code originPort} on 127.0.0.1.
   */
  public EdgeTier(
      Path dir, int edgePort, int httpsPort, int shieldPort, int originPort, String originSecret) {
    this.dir = dir.toAbsolutePath();
    this.edgePort = edgePort;
    this.httpsPort = httpsPort;
    this.shieldPort = shieldPort;
    this.originPort = originPort;
    this.originSecret = originSecret;
  }

  /**
   * An edge tier in front of a running stack: its origin is the stack's HTTP port, its secret the
   * stack's URL-signing secret; it lives in {@code <home>/edge}.
   */
  public static EdgeTier inFrontOf(MarqueeStack stack, int edgePort, int httpsPort, int shieldPort)
      throws IOException {
    String secret =
        Files.readString(stack.home().resolve("secrets/origin-url-secret"), StandardCharsets.UTF_8)
            .strip();
    if (stack.baseUrl().startsWith("https:")) {
      throw new IllegalStateException(
          "The edge tier fetches from the balancer over plain HTTP, which redirects to HTTPS:"
              + " run the edge without MARQUEE_HTTPS_REDIRECT");
    }
    int originPort = URI.create(stack.baseUrl()).getPort();
    return new EdgeTier(
        stack.home().resolve("edge"), edgePort, httpsPort, shieldPort, originPort, secret);
  }

  /** nginx worker processes per tier (default 1). */
  public EdgeTier workers(int value) {
    workers = value;
    return this;
  }

  /** The edge's cache size, in nginx's notation (default 2g; the shield gets four times more). */
  public EdgeTier cacheSize(String value) {
    cacheSize = value;
    return this;
  }

  /** Renders both configurations and starts the shield, then the edge. */
  public EdgeTier start() throws IOException, InterruptedException {
    Path njs = NginxProcess.njsModule();
    NginxProcess.binary();
    for (String sub : new String[] {"logs", "tmp", "cache"}) {
      Files.createDirectories(dir.resolve(sub));
    }
    String listen = "        listen 127.0.0.1:" + edgePort + ";";
    if (httpsPort != 0) {
      Path cert = dir.resolve("tls/edge.crt");
      Path key = dir.resolve("tls/edge.key");
      selfSignedCertificate(cert, key);
      listen +=
          "\n        listen 127.0.0.1:%d ssl http2;\n        ssl_certificate %s;\n        ssl_certificate_key %s;\n        ssl_protocols TLSv1.2 TLSv1.3;\n        add_header Strict-Transport-Security $marquee_hsts always;"
              .formatted(httpsPort, cert, key);
    }
    Map<String, String> values =
        Map.of(
            "@USER_LINE@", NginxProcess.userLine(),
            "@WORKERS@", Integer.toString(workers),
            "@DIR@", dir.toString(),
            "@NJS_MODULE@", njs.toString(),
            "@CACHE_SIZE@", cacheSize,
            "@SHIELD_CACHE_SIZE@", shieldCacheSize(),
            "@SHIELD_PORT@", Integer.toString(shieldPort),
            "@ORIGIN_PORT@", Integer.toString(originPort),
            "@LISTEN@", listen);
    render("shield.conf", values);
    render("edge.conf", values);
    copy("origin-url.js");
    shield =
        new NginxProcess("shield", dir, dir.resolve("shield.conf"), shieldPort, Map.of()).start();
    edge =
        new NginxProcess(
                "edge",
                dir,
                dir.resolve("edge.conf"),
                edgePort,
                Map.of("MARQUEE_ORIGIN_SECRET", originSecret))
            .start();
    return this;
  }

  /** What the run command prints about the edge once it is up. */
  public static String banner(EdgeTier edge) {
    return """
         Edge (nginx, segments cached, signatures checked at the edge):
           %s   %s
           Origin shield  %s   (logs in %s)
           Segment URLs from a manifest open through the edge: swap the host.
        """
        .formatted(
            edge.baseUrl(),
            edge.httpsUrl() == null ? "" : edge.httpsUrl() + " (certificate made for this run)",
            edge.shieldUrl(),
            edge.logs());
  }

  /** Where viewers reach the edge over HTTP. */
  public String baseUrl() {
    return "http://127.0.0.1:" + edgePort;
  }

  /** Where viewers reach the edge over HTTPS (a certificate made for this run), if it listens. */
  public String httpsUrl() {
    return httpsPort == 0 ? null : "https://127.0.0.1:" + httpsPort;
  }

  public String shieldUrl() {
    return "http://127.0.0.1:" + shieldPort;
  }

  /** The access logs ({@code edge-access.log}, {@code shield-access.log}): one line a request. */
  public Path logs() {
    return dir.resolve("logs");
  }

  public Path directory() {
    return dir;
  }

  private String shieldCacheSize() {
    String digits = cacheSize.replaceAll("[^0-9]", "");
    return digits.isEmpty()
        ? cacheSize
        : (Long.parseLong(digits) * 4) + cacheSize.replaceAll("[0-9]", "");
  }

  private void render(String template, Map<String, String> values) throws IOException {
    String text = resource(template);
    for (Map.Entry<String, String> e : values.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    if (text.contains("@") && text.matches("(?s).*@[A-Z_]+@.*")) {
      throw new IllegalStateException("unfilled placeholder in " + template);
    }
    Files.writeString(dir.resolve(template), text, StandardCharsets.UTF_8);
  }

  private void copy(String file) throws IOException {
    Files.writeString(dir.resolve(file), resource(file), StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = EdgeTier.class.getResourceAsStream(TEMPLATES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing template " + TEMPLATES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A certificate for 127.0.0.1 and localhost, made once with openssl for local runs. */
  private static void selfSignedCertificate(Path cert, Path key)
      throws IOException, InterruptedException {
    if (Files.exists(cert) && Files.exists(key)) {
      return;
    }
    Files.createDirectories(cert.getParent());
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "365",
                "-subj",
                "/CN=Marquee local edge",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
      throw new IllegalStateException(
          "openssl could not make the edge's certificate (apt-get install -y openssl)");
    }
  }

  /** Stops the edge, then the shield. */
  @Override
  public void close() throws InterruptedException {
    try {
      if (edge != null) {
        edge.close();
      }
    } finally {
      if (shield != null) {
        shield.close();
      }
    }
  }
}
