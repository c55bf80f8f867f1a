package dev.marquee.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Marquee on its embedded defaults: PostgreSQL, s3proxy and Liberty, wired through the same
 * environment variables an operator sets in production. Everything lives under one home folder
 * (default {@code ~/.marquee}) and is kept between runs.
 */
public final class MarqueeStack implements AutoCloseable {
  public static final String ADMIN_EMAIL = "admin@marquee.local";

  private final Path home;
  private final EmbeddedDatabase database;
  private final EmbeddedObjectStore objectStore;
  private final List<LibertyServer> servers;
  private final LibertyServer messaging;
  private final LoadBalancer balancer;
  private final EmbeddedOpenSearch openSearch;
  private final String adminPassword;
  private final Path certificate;

  private MarqueeStack(Builder b) throws IOException {
    this.home = b.home.toAbsolutePath();
    SecretFiles secrets = SecretFiles.in(home.resolve("secrets"));
    this.adminPassword = secrets.randomText("admin-password", 18, true);
    String databasePassword = secrets.randomText("database-password", 18, true);
    String keystorePassword = secrets.randomText("keystore-password", 18, true);
    String signingPassword = secrets.randomText("jwt-signing-password", 18, true);
    String s3Secret = secrets.randomText("s3-secret-key", 18, true);
    String signingAlias = Keystores.ensureBoth(secrets, keystorePassword, signingPassword);
    this.database =
        new EmbeddedDatabase(
            home.resolve("postgres"), b.databasePort, "marquee", "marquee", databasePassword);
    this.objectStore =
        new EmbeddedObjectStore(home.resolve("objects"), b.objectStorePort, "marquee", s3Secret);
    // Clients of a local run trust this certificate (the TLS keystore's): the balancer's HTTPS.
    this.certificate =
        Keystores.certificatePem(secrets, keystorePassword, home.resolve("tls-certificate.pem"));
    String publicUrl =
        b.servers > 1 && b.redirectHttp
            ? "https://127.0.0.1:" + b.httpsPort
            : "http://127.0.0.1:" + b.httpPort;

    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", Integer.toString(b.httpPort));
    env.put("HTTPS_PORT", Integer.toString(b.httpsPort));
    env.put("MESSAGING_PORT", Integer.toString(b.messagingPort));
    // Partitions on this server's threads (ADR 10; the server warns when this is not set); in a
    // jms mode, the batch queue is on this server's own messaging engine.
    env.put("BATCH_PARTITIONS", "local");
    env.put("BATCH_MESSAGING_ADDRESS", "127.0.0.1:" + b.messagingPort + ":BootstrapBasicMessaging");
    env.put("BATCH_PARTITION_SLOTS", "2");
    // The identity batch jobs run as on every server (a basicRegistry user, ADR 10).
    env.put("MARQUEE_BATCH_IDENTITY", "service-user");
    env.put("MARQUEE_BATCH_USER", "marquee-batch");
    env.put("MARQUEE_BATCH_PASSWORD", secrets.randomText("batch-password", 24, true));
    // Messaging clients authenticate (ADR 22): the servers' connection factories carry this user,
    // which the embedded engine finds in the batch registry and the messaging server in its own.
    env.put("MESSAGING_USER", env.get("MARQUEE_BATCH_USER"));
    env.put("MESSAGING_PASSWORD", env.get("MARQUEE_BATCH_PASSWORD"));
    env.put("DB_HOST", "127.0.0.1");
    env.put("DB_PORT", Integer.toString(b.databasePort));
    env.put("DB_NAME", database.database());
    env.put("DB_USER", database.user());
    env.put("DB_PASSWORD", databasePassword);
    // TLS and token signing have keystores of their own (ADR 14).
    env.put("KEYSTORE_LOCATION", secrets.resolve(Keystores.TLS).toString());
    env.put("KEYSTORE_PASSWORD", keystorePassword);
    env.put("JWT_SIGNING_KEYSTORE_LOCATION", secrets.resolve(Keystores.SIGNING).toString());
    env.put("JWT_SIGNING_KEYSTORE_PASSWORD", signingPassword);
    env.put("JWT_SIGNING_KEY_ALIAS", signingAlias);
    env.put("MARQUEE_S3_ENDPOINT", objectStore.endpoint());
    env.put("MARQUEE_S3_ACCESS_KEY", objectStore.accessKey());
    env.put("MARQUEE_S3_SECRET_KEY", objectStore.secretKey());
    env.put("MARQUEE_S3_BUCKET", "marquee");
    env.put("MARQUEE_PUBLIC_URL", publicUrl);
    // Content keys are wrapped by key-encryption keys; production reads them from a secret store.
    // kek-1, listed first, is active; kek-0 stays listed as a KEK being rotated out would (it
    // wraps no key unless one is put under it), so the console's keys page has two KEKs to show.
    env.put(
        "MARQUEE_DRM_KEKS",
        "kek-1:"
            + secrets.randomText("drm-kek-1", 32, false)
            + ",kek-0:"
            + secrets.randomText("drm-kek-0", 32, false));
    env.put(
        "MARQUEE_PLAYBACK_TOKEN_SECRET", secrets.randomText("playback-token-secret", 32, false));
    env.put("MARQUEE_ORIGIN_SECRET", secrets.randomText("origin-url-secret", 32, true));
    env.put("MARQUEE_CATALOG_SHARE_SECRET", secrets.randomText("share-link-secret", 32, true));
    env.put("MARQUEE_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("MARQUEE_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    if (b.openSearchZip != null) {
      this.openSearch =
          new EmbeddedOpenSearch(
              b.openSearchZip,
              home.resolve("opensearch"),
              b.openSearchPorts[0],
              b.openSearchPorts[1]);
      env.put("MARQUEE_SEARCH_ENGINE", "opensearch");
      env.put("MARQUEE_SEARCH_OPENSEARCH_URL", openSearch.url());
    } else {
      this.openSearch = null;
    }
    if (b.servers > 1) {
      // Fails now, saying what to install, rather than after PostgreSQL has started.
      LoadBalancer.executable();
      int messagingPort = b.nextPort(b.messagingSslPort);
      this.messaging = Fleet.messagingServer(b.wlpDirectory, home, env, messagingPort);
      env.put("BATCH_PARTITIONS", "jms");
      env.put("BATCH_MESSAGING_ADDRESS", Fleet.secureAddress(messagingPort));
    } else {
      this.messaging = null;
    }
    env.putAll(b.environment);
    this.servers = new ArrayList<>();
    List<Integer> serverPorts = new ArrayList<>();
    for (int i = 0; i < b.servers; i++) {
      Map<String, String> own = new HashMap<>(env);
      int http = b.servers == 1 ? b.httpPort : b.nextPort(b.httpPort + i + 1);
      if (b.servers > 1) {
        own.put("HTTP_PORT", Integer.toString(http));
        own.put("HTTPS_PORT", Integer.toString(b.nextPort(b.httpsPort + i + 1)));
        own.put("MESSAGING_PORT", Integer.toString(b.nextPort(b.messagingPort + i + 1)));
        own.putIfAbsent("MARQUEE_SERVER_ID", "server-" + (i + 1));
      }
      serverPorts.add(http);
      Path output = home.resolve(i == 0 ? "liberty" : "liberty-" + (i + 1));
      servers.add(
          new LibertyServer(b.wlpDirectory, output, own, http, b.inheritConsole && b.servers == 1));
    }
    this.balancer =
        b.servers > 1
            ? new LoadBalancer(
                home.resolve("balancer"),
                b.httpPort,
                b.httpsPort,
                Keystores.tlsPem(secrets, keystorePassword, "tls-balancer.pem"),
                b.redirectHttp,
                serverPorts)
            : null;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts PostgreSQL, s3proxy and Liberty, and waits until Marquee is ready. */
  public MarqueeStack start() throws Exception {
    try {
      database.start();
      objectStore.start();
      if (openSearch != null) {
        openSearch.start();
      }
      if (messaging != null) {
        messaging.startClean();
        messaging.awaitListening(
            Integer.parseInt(messaging.environment("MESSAGING_SSL_PORT")), Duration.ofMinutes(2));
      }
      for (LibertyServer server : servers) {
        if (servers.size() > 1) {
          // A home that ran one server has its cache from the local partitions mode (ADR 10).
          server.startClean();
        } else {
          server.start();
        }
      }
      for (LibertyServer server : servers) {
        // A shared, loaded machine may need longer: -Dmarquee.liberty.ready-timeout=PT10M.
        server.awaitReady(
            Duration.parse(
                System.getProperty(
                    "marquee.liberty.ready-timeout", servers.size() > 1 ? "PT15M" : "PT4M")));
      }
      if (balancer != null) {
        balancer.start();
        balancer.awaitReady(Duration.ofMinutes(1));
      }
      return this;
    } catch (Exception | Error e) {
      // Nobody else holds this stack yet: stop what did start, or it outlives the test run.
      try {
        close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  public Path home() {
    return home;
  }

  public EmbeddedDatabase database() {
    return database;
  }

  /** The s3proxy every server stores masters, segments and artwork in. */
  public EmbeddedObjectStore objectStore() {
    return objectStore;
  }

  /** The OpenSearch node, when the stack was built with one. */
  public Optional<EmbeddedOpenSearch> openSearch() {
    return Optional.ofNullable(openSearch);
  }

  /** The first (or only) server. */
  public LibertyServer liberty() {
    return servers.get(0);
  }

  /** Every Liberty server of the application, in order; one unless built with more. */
  public List<LibertyServer> servers() {
    return List.copyOf(servers);
  }

  /** The dedicated messaging server, when more than one server runs (ADR 22). */
  public Optional<LibertyServer> messagingServer() {
    return Optional.ofNullable(messaging);
  }

  /** HAProxy in front of the servers, when more than one runs (ADR 21). */
  public Optional<LoadBalancer> balancer() {
    return Optional.ofNullable(balancer);
  }

  /**
   * Where users reach Marquee: the load balancer (over HTTPS when it redirects plain HTTP), or the
   * only server.
   */
  public String baseUrl() {
    if (balancer == null) {
      return servers.get(0).baseUrl();
    }
    return balancer.redirectsHttp() ? balancer.httpsUrl() : balancer.url();
  }

  /**
   * The certificate (PEM) of the balancer's HTTPS and of every server's HTTPS listener: what a
   * client of this stack trusts ({@link Keystores#trusting}).
   */
  public Path certificate() {
    return certificate;
  }

  /**
   * Restarts the servers one at a time behind the balancer without a failed request (ADR 33): each
   * is drained, stopped, started and back in rotation before the next. Progress goes to {@code
   * out}; returns what each restart took.
   */
  public List<RollingRestart.Step> rollingRestart(Consumer<String> out) throws Exception {
    return new RollingRestart(this, out).run();
  }

  public String adminPassword() {
    return adminPassword;
  }

  @Override
  public void close() throws Exception {
    try {
      if (balancer != null) {
        balancer.close();
      }
      Fleet.stopAll(servers);
      if (messaging != null) {
        messaging.close();
      }
    } finally {
      try {
        objectStore.close();
      } finally {
        try {
          if (openSearch != null) {
            openSearch.close();
          }
        } finally {
          database.close();
        }
      }
    }
  }

  /** Ports and folders; the defaults are those the README documents. */
  public static final class Builder {
    private Path home = Path.of(System.getProperty("user.home"), ".marquee");
    private Path wlpDirectory =
        Path.of(System.getProperty("marquee.wlp.dir", "app-ear/target/liberty/wlp"));
    private int httpPort = 9080;
    private int httpsPort = 9443;
    private int databasePort = 15432;
    private int objectStorePort = 19000;
    private int messagingPort = 7276;
    private boolean inheritConsole;
    private final Map<String, String> environment = new HashMap<>();
    private Path openSearchZip;
    private int servers = 1;
    private int messagingSslPort = 7286;
    private IntSupplier ports;
    private int[] openSearchPorts;
    private boolean redirectHttp;

    public Builder home(Path value) {
      home = value;
      return this;
    }

    public Builder wlpDirectory(Path value) {
      wlpDirectory = value;
      return this;
    }

    public Builder httpPort(int value) {
      httpPort = value;
      return this;
    }

    public Builder httpsPort(int value) {
      httpsPort = value;
      return this;
    }

    public Builder databasePort(int value) {
      databasePort = value;
      return this;
    }

    public Builder objectStorePort(int value) {
      objectStorePort = value;
      return this;
    }

    public Builder messagingPort(int value) {
      messagingPort = value;
      return this;
    }

    /**
     * How many application servers (default 1). More than one run behind HAProxy on the HTTP port,
     * each on ports of its own, with a dedicated messaging server (ADRs 21 and 22).
     */
    public Builder servers(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("At least one server, not " + value);
      }
      servers = value;
      return this;
    }

    /** Where the servers' own ports come from when more than one runs (tests: free ports). */
    public Builder serverPorts(IntSupplier value) {
      ports = value;
      return this;
    }

    private int nextPort(int fallback) {
      return ports == null ? fallback : ports.getAsInt();
    }

    /**
     * With more than one server: the balancer answers plain HTTP (but health checks) with a
     * redirect to its HTTPS port, the {@link #httpsPort} (ADR 33), and the stack's public URL is
     * HTTPS. Off by default: a local run's tools and the edge tier talk plain HTTP on loopback.
     */
    public Builder redirectHttpToHttps(boolean value) {
      redirectHttp = value;
      return this;
    }

    public Builder inheritConsole(boolean value) {
      inheritConsole = value;
      return this;
    }

    /**
     * Search on OpenSearch: a node from this distribution zip on these loopback ports (HTTP,
     * transport) instead of the PostgreSQL adapter.
     */
    public Builder openSearch(Path zip, int httpPort, int transportPort) {
      this.openSearchZip = zip;
      this.openSearchPorts = new int[] {httpPort, transportPort};
      return this;
    }

    /** Extra environment for Liberty, e.g. shorter intervals in tests. */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    public MarqueeStack build() throws IOException {
      return new MarqueeStack(this);
    }
  }
}
