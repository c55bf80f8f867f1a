package dev.marquee.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mvn -Prun install}: runs Marquee on its embedded defaults until Ctrl-C. Settings come from
 * environment variables: MARQUEE_HOME, MARQUEE_HTTP_PORT, MARQUEE_DB_PORT, MARQUEE_S3_PORT, and
 * MARQUEE_SERVERS (or {@code -Dmarquee.servers}): more than one runs that many servers behind
 * HAProxy on MARQUEE_HTTP_PORT and MARQUEE_HTTPS_PORT (MARQUEE_HTTPS_REDIRECT=true redirects plain
 * HTTP there), the servers on the ports after them. A server whose JVM dies is started again, and
 * {@code touch $MARQUEE_HOME/rolling-restart} restarts them one at a time ({@link Watchdog}).
 */
public final class DevStack {
  private DevStack() {}

  public static void main(String[] args) throws Exception {
    String homeSetting = System.getenv("MARQUEE_HOME");
    Path home =
        homeSetting == null || homeSetting.isBlank()
            ? Path.of(System.getProperty("user.home"), ".marquee")
            : Path.of(homeSetting);
    int httpPort = intEnv("MARQUEE_HTTP_PORT", 9080);
    int servers = serverCount();
    MarqueeStack stack =
        MarqueeStack.builder()
            .servers(servers)
            .home(home)
            .httpPort(httpPort)
            .databasePort(intEnv("MARQUEE_DB_PORT", 15432))
            .objectStorePort(intEnv("MARQUEE_S3_PORT", 19000))
            .httpsPort(intEnv("MARQUEE_HTTPS_PORT", 9443))
            .redirectHttpToHttps("true".equalsIgnoreCase(System.getenv("MARQUEE_HTTPS_REDIRECT")))
            .inheritConsole(true)
            .build();
    CountDownLatch stopped = new CountDownLatch(1);
    EdgeTier[] edgeHolder = new EdgeTier[1];
    Watchdog watchdog =
        new Watchdog(stack, System.out::println, () -> new Thread(() -> System.exit(1)).start());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  watchdog.stop();
                  System.out.println("Stopping Marquee...");
                  try {
                    if (edgeHolder[0] != null) {
                      edgeHolder[0].close();
                    }
                    stack.close();
                  } catch (Exception e) {
                    System.err.println("Stop failed: " + e.getMessage());
                  }
                  stopped.countDown();
                }));
    System.out.println(
        "Starting Marquee (data in "
            + home
            + (servers > 1 ? "; " + servers + " servers behind HAProxy" : "")
            + ") ...");
    stack.start();
    String url = stack.baseUrl();
    String demo = null;
    String demoState = null;
    if (!"false".equalsIgnoreCase(System.getenv("MARQUEE_DEMO"))) {
      try {
        // Through the first server: the same API, and no certificate to trust when HTTP redirects.
        DemoTitle title =
            new DemoTitle(
                home,
                stack.liberty().baseUrl(),
                MarqueeStack.ADMIN_EMAIL,
                stack.adminPassword(),
                DemoTitle.MASTER_SECONDS);
        demo = title.ensure();
        title.entitleAdmin();
        demoState = title.state(demo);
      } catch (Exception e) {
        System.err.println("The demo title could not be ingested: " + e.getMessage());
      }
    }
    EdgeTier edge = startEdgeIfAsked(stack);
    edgeHolder[0] = edge;
    System.out.println(banner(url, stack.adminPassword(), home, demo, demoState));
    if (servers > 1) {
      for (LibertyServer server : stack.servers()) {
        System.out.println(" Server " + server.baseUrl() + ", log " + server.logFile());
      }
      LoadBalancer balancer = stack.balancer().orElseThrow();
      System.out.println(
          " HTTPS          "
              + balancer.httpsUrl()
              + (balancer.redirectsHttp() ? " (plain HTTP redirects here)" : "")
              + "\n   certificate made for this machine: curl --cacert "
              + stack.certificate()
              + "\n Rolling restart (one server at a time, no failed request):\n   touch "
              + home.resolve(Watchdog.ROLLING_RESTART));
    }
    if (edge != null) {
      System.out.println(EdgeTier.banner(edge));
    }
    Thread watcher = new Thread(watchdog, "marquee-watchdog");
    watcher.setDaemon(true);
    watcher.start();
    stopped.await();
  }

  /** MARQUEE_SERVERS, or the Maven property marquee.servers; 1 when neither is set. */
  static int serverCount() {
    String value = System.getenv("MARQUEE_SERVERS");
    if (value == null || value.isBlank()) {
      value = System.getProperty("marquee.servers", "");
    }
    if (value.isBlank()) {
      return 1;
    }
    try {
      int count = Integer.parseInt(value.strip());
      if (count >= 1) {
        return count;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(
        "MARQUEE_SERVERS must be a whole number of servers, 1 or more, not '" + value + "'");
  }

  /** What a newcomer needs once Marquee is up. */
  static String banner(
      String url, String adminPassword, Path home, String demoTitle, String demoState) {
    String demo =
        demoTitle == null
            ? " Demo title:     none (it is made on first start unless MARQUEE_DEMO=false)\n"
            : " Demo title:     "
                + demoTitle
                + " ("
                + demoState
                + "; follow it as the admin at\n"
                + "   "
                + url
                + "/console/jobs/)\n";
    return """

        ============================================================
         Marquee is up: %1$s
           Watch          %1$s/player/  (sign in as the admin below: it has a demo plan)
           Console        %1$s/console/  (admins: catalog; operators and admins: jobs)
           API explorer   %1$s/openapi/ui/
           Health         %1$s/health
           Metrics        %1$s/metrics
           Admin          %2$s  /  %3$s
           (password kept in %4$s)
           Data           %5$s
         Try it:
           curl -H 'Content-Type: application/json' \\
             -d '{"email":"viewer@example.com","password":"correct horse battery"}' \\
             %1$s/api/accounts
           curl -d grant_type=password -d client_id=marquee-web \\
             -d username=viewer@example.com -d 'password=correct horse battery' \\
             %1$s/api/oauth/token
        %6$s\
         Ctrl-C stops everything.
        ============================================================
        """
        .formatted(
            url,
            MarqueeStack.ADMIN_EMAIL,
            adminPassword,
            home.resolve("secrets/admin-password"),
            home,
            demo);
  }

  /**
   * With MARQUEE_EDGE=true, the edge and the origin shield (nginx, ADR 24) in front of the server:
   * MARQUEE_EDGE_PORT (8080), MARQUEE_EDGE_HTTPS_PORT (8443), MARQUEE_SHIELD_PORT (8081). Fails,
   * saying what to install, when nginx or its njs module is missing.
   */
  private static EdgeTier startEdgeIfAsked(MarqueeStack stack) throws Exception {
    if (!"true".equalsIgnoreCase(System.getenv("MARQUEE_EDGE"))) {
      return null;
    }
    System.out.println("Starting the edge and the origin shield (nginx) ...");
    return EdgeTier.inFrontOf(
            stack,
            intEnv("MARQUEE_EDGE_PORT", 8080),
            intEnv("MARQUEE_EDGE_HTTPS_PORT", 8443),
            intEnv("MARQUEE_SHIELD_PORT", 8081))
        .start();
  }

  private static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }
}
