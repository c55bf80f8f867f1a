package dev.marquee.systemtests;

import dev.marquee.devstack.EmbeddedOpenSearch;
import dev.marquee.devstack.MarqueeStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Marquee once for the whole test run (embedded PostgreSQL, s3proxy, Liberty with the built
 * EAR) on free loopback ports, in a fresh home under target/, and stops it at the end.
 */
public final class RunningMarquee implements BeforeAllCallback {
  private static MarqueeStack stack;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (RunningMarquee.class) {
      if (stack == null) {
        stack = startFresh();
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .put("marquee-stack", (ExtensionContext.Store.CloseableResource) () -> stack.close());
      }
    }
  }

  public static MarqueeStack stack() {
    if (stack == null) {
      throw new IllegalStateException(
          "Annotate the test class with @ExtendWith(RunningMarquee.class)");
    }
    return stack;
  }

  static final String SHARE_SECRET = "share-links-of-the-system-tests-32+bytes";

  /** Why the stack runs without OpenSearch (null when it runs with it). */
  private static String openSearchMissing;

  /** The stack's OpenSearch node; fails the calling test with what to install if there is none. */
  static EmbeddedOpenSearch openSearch() {
    return stack()
        .openSearch()
        .orElseThrow(() -> new AssertionError("This test needs OpenSearch. " + openSearchMissing));
  }

  public static Api api() {
    return new Api(stack().baseUrl());
  }

  private static MarqueeStack startFresh() throws Exception {
    Path home = Path.of(System.getProperty("marquee.stack.home", "target/stack-home"));
    deleteRecursively(home);
    String wlp = System.getProperty("marquee.wlp.dir");
    if (wlp == null || !Files.isExecutable(Path.of(wlp, "bin/server"))) {
      throw new IllegalStateException(
          "No Liberty server at "
              + wlp
              + ": run the tests through Maven (mvn verify), which builds it.");
    }
    MarqueeStack.Builder builder = MarqueeStack.builder();
    // Search runs on a real OpenSearch node when a JDK 21+ is there; otherwise on the PostgreSQL
    // adapter, and the OpenSearch tests fail saying what to install.
    String zip = System.getProperty("marquee.opensearch.zip");
    if (zip == null || !Files.isRegularFile(Path.of(zip))) {
      openSearchMissing = "No OpenSearch distribution at " + zip + ": run the tests through Maven.";
    } else if (EmbeddedOpenSearch.jdk().isEmpty()) {
      openSearchMissing = EmbeddedOpenSearch.jdkAdvice();
    } else {
      builder.openSearch(Path.of(zip), freePort(), freePort());
    }
    return builder
        .servers(serverCount())
        .serverPorts(RunningMarquee::freePort)
        .home(home)
        .wlpDirectory(Path.of(wlp))
        .httpPort(freePort())
        .httpsPort(freePort())
        .databasePort(freePort())
        .objectStorePort(freePort())
        .messagingPort(freePort())
        // Device-flow tests poll; a 1 s interval keeps them quick without changing the logic.
        .environment("MARQUEE_OAUTH_DEVICE_INTERVAL_SECONDS", "1")
        // The smallest S3 part size, so that a few-MB test master spans several parts.
        .environment("MARQUEE_INGEST_PART_BYTES", "5242880")
        // The browser ingest PUTs parts straight to s3proxy (which answers CORS for loopback
        // pages); AdminConsoleBrowserIT also drives the page as rendered with the switch off.
        .environment("MARQUEE_INGEST_BROWSER_DIRECT_PARTS", "true")
        // A low ceiling the size-limit test can exceed without sending anything.
        .environment("MARQUEE_INGEST_MAX_MASTER_BYTES", "1073741824")
        // One partition at a time, so that a test can stop a job half-way.
        .environment("MARQUEE_TRANSCODE_PARTITION_THREADS", "1")
        // As if behind an edge that sets (and strips from clients) the viewer's country.
        .environment("MARQUEE_DRM_REGION_HEADER", "X-Viewer-Country")
        // Known to the tests, so that one can sign an already expired share link.
        .environment("MARQUEE_CATALOG_SHARE_SECRET", SHARE_SECRET)
        // Unfinished account erasures are looked for every 2 s instead of every minute.
        .environment("MARQUEE_ACCOUNTS_ERASURE_SWEEP_SECONDS", "2")
        // The access log on, so that a test can prove it records no credential (ADR 15).
        .environment("ACCESS_LOG_ENABLED", "true")
        .build()
        .start();
  }

  /** MARQUEE_SERVERS or -Dmarquee.servers (ADR 21); one server when neither is set. */
  static int serverCount() {
    String value = System.getenv("MARQUEE_SERVERS");
    if (value == null || value.isBlank()) {
      value = System.getProperty("marquee.servers", "1");
    }
    return value.isBlank() ? 1 : Integer.parseInt(value.strip());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
