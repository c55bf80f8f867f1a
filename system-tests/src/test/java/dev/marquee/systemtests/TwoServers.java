package dev.marquee.systemtests;

import dev.marquee.devstack.Keystores;
import dev.marquee.devstack.LibertyServer;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two Marquee servers behind HAProxy with the dedicated messaging server (ADRs 21 and 22), sharing
 * PostgreSQL and s3proxy, on free loopback ports in a fresh home under target/: the topology the
 * fault tests kill servers of. The balancer terminates TLS and redirects plain HTTP to it (ADR 33),
 * as in production: users reach it over HTTPS. Started once for the test run, apart from {@link
 * RunningMarquee}.
 */
public final class TwoServers implements BeforeAllCallback {
  private static MarqueeStack stack;
  private static HttpClient https;
  private static String publishedTitle;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (TwoServers.class) {
      if (stack == null) {
        stack = startFresh();
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .put("two-servers", (ExtensionContext.Store.CloseableResource) () -> stack.close());
      }
    }
  }

  static MarqueeStack stack() {
    if (stack == null) {
      throw new IllegalStateException("Annotate the test class with @ExtendWith(TwoServers.class)");
    }
    return stack;
  }

  /** Through the load balancer over HTTPS, as users reach Marquee. */
  static Api api() {
    return new Api(stack().baseUrl(), https);
  }

  /** The load balancer's plain HTTP port, which redirects everything but health checks. */
  static Api plainHttp() {
    return new Api(stack().balancer().orElseThrow().url());
  }

  /**
   * A short title (20 s, 180p) published once for the classes that share this stack and need one to
   * play or write positions on.
   */
  static synchronized String publishedTitle() throws Exception {
    if (publishedTitle == null) {
      Path master = Files.createTempDirectory("two-servers").resolve("master.mp4");
      new SyntheticMaster(320, 180, 25, 20, false, List.of("eng")).writeTo(master);
      Api api = api();
      String creator = Creators.newCreator(api, stack().adminPassword());
      String title = Creators.ingest(api, creator, master);
      Creators.awaitPublished(api, creator, title, Duration.ofMinutes(6));
      publishedTitle = title;
    }
    return publishedTitle;
  }

  /** Straight to one server (0 or 1), bypassing the load balancer. */
  static Api server(int index) {
    return new Api(stack().servers().get(index).baseUrl(), DIRECT);
  }

  /**
   * A client of its own for direct calls to one server, HTTP/1.1 as a monitor or curl talks to it.
   * Through the shared client (HTTP/2 by upgrade, connections pooled by every test class) a direct
   * GET once waited 30 s without an answer from a server that an earlier class had killed and
   * restarted, while the balancer's clients were served by the same server; the cause was not
   * found.
   */
  private static final HttpClient DIRECT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static LibertyServer liberty(int index) {
    return stack().servers().get(index);
  }

  static String admin() {
    return api()
        .signIn(MarqueeStack.ADMIN_EMAIL, stack().adminPassword())
        .getString("access_token");
  }

  static Connection database() throws SQLException {
    var db = stack().database();
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  /** Starts a killed server again and waits until the load balancer sends it requests. */
  static void revive(int index) throws Exception {
    LibertyServer server = liberty(index);
    server.start();
    server.awaitReady(Duration.ofMinutes(15));
    stack().balancer().orElseThrow().awaitReady(Duration.ofMinutes(1));
  }

  private static MarqueeStack startFresh() throws Exception {
    Path home =
        Path.of(System.getProperty("marquee.stack.home", "target/stack-home"))
            .resolveSibling("two-servers-home");
    deleteRecursively(home);
    String wlp = System.getProperty("marquee.wlp.dir");
    if (wlp == null || !Files.isExecutable(Path.of(wlp, "bin/server"))) {
      throw new IllegalStateException(
          "No Liberty server at " + wlp + ": run the tests through Maven (mvn verify).");
    }
    MarqueeStack started =
        MarqueeStack.builder()
            .servers(2)
            .serverPorts(RunningMarquee::freePort)
            .home(home)
            .wlpDirectory(Path.of(wlp))
            .httpPort(RunningMarquee.freePort())
            .httpsPort(RunningMarquee.freePort())
            .databasePort(RunningMarquee.freePort())
            .objectStorePort(RunningMarquee.freePort())
            .messagingPort(RunningMarquee.freePort())
            .redirectHttpToHttps(true)
            // The country header a trusted edge sets, as on the shared stack.
            .environment("MARQUEE_DRM_REGION_HEADER", "X-Viewer-Country")
            .environment("MARQUEE_INGEST_PART_BYTES", "5242880")
            .environment("MARQUEE_TRANSCODE_PARTITION_THREADS", "2")
            // One chunk per partition: a job of a few seconds spans many partitions to kill one of.
            .environment("MARQUEE_TRANSCODE_CHUNKS_PER_PARTITION", "1")
            .build();
    try {
      started.start();
      https =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .sslContext(Keystores.trusting(started.certificate()))
              .build();
      return started;
    } catch (Exception | Error e) {
      // A stack that did not come up must not leave servers running into the next run.
      started.close();
      throw e;
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
