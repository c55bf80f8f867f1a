package dev.marquee.bench;

import dev.marquee.devstack.LibertyServer;
import dev.marquee.devstack.MarqueeStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform benchmark (run it with {@code bash bench/platform-bench.sh}): first start, restart
 * and idle memory of the Liberty server, then wrk load on three endpoints of the same server,
 * printed as one table with ratios against the baseline.
 */
public final class PlatformBench {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
  private static final String FORM = "application/x-www-form-urlencoded";

  private PlatformBench() {}

  public static void main(String[] args) throws Exception {
    String wlp = System.getProperty("marquee.wlp.dir");
    if (wlp == null || !Files.isExecutable(Path.of(wlp, "bin/server"))) {
      System.err.println(
          "No Liberty server at " + wlp + "; build it first: mvn -B -DskipTests install");
      System.exit(2);
    }
    BenchSettings settings = BenchSettings.fromSystemProperties();
    Path home = Files.createTempDirectory("marquee-bench-");
    Teardown teardown = new Teardown(home);
    Runtime.getRuntime().addShutdownHook(new Thread(teardown, "marquee-bench-teardown"));
    MarqueeStack stack = null;
    try {
      stack = BenchStacks.loopback(home).build();
      teardown.stack(stack);
      Report report = run(stack, home, settings);
      report.print(System.out);
      results(report);
    } catch (Exception | Error e) {
      if (stack != null) {
        printLogTail(stack.liberty());
      }
      throw e;
    } finally {
      teardown.run();
    }
  }

  private static Report run(MarqueeStack stack, Path home, BenchSettings settings)
      throws Exception {
    LibertyServer liberty = stack.liberty();

    progress("First start in a fresh home " + home + " (PostgreSQL initdb, s3proxy, Liberty)");
    long t0 = System.nanoTime();
    stack.start();
    Duration firstStart = since(t0);

    progress("Stopping Liberty");
    t0 = System.nanoTime();
    liberty.stop();
    Duration stop = since(t0);

    progress("Restarting Liberty");
    t0 = System.nanoTime();
    liberty.start();
    liberty.awaitReady(READY_TIMEOUT);
    Duration restart = since(t0);

    progress("Idle for " + settings.idleBeforeRss().toSeconds() + " s before reading RSS");
    Thread.sleep(settings.idleBeforeRss().toMillis());
    ProcessHandle jvm = ServerFootprint.libertyJvm(liberty.pid());
    double idleRss = ServerFootprint.residentMegabytes(jvm);

    progress("Creating the benchmark account");
    BenchAccount account = new BenchAccount(stack.baseUrl());
    account.register();
    String token = account.accessToken();

    List<Endpoint> endpoints =
        List.of(
            Endpoint.get(
                "GET /api/platform/info (baseline)", "/api/platform/info", List.of(), null),
            Endpoint.get(
                "GET /api/platform/info (Bearer)",
                "/api/platform/info",
                List.of("Authorization: Bearer " + token),
                "the baseline plus Marquee's check of the token (signature once per token,"
                    + " then remembered), Liberty's subject and the revocation read."),
            Endpoint.get(
                "GET /api/accounts/me (Bearer)",
                "/api/accounts/me",
                List.of("Authorization: Bearer " + token),
                null),
            Endpoint.post(
                "POST /api/oauth/token (password)",
                "/api/oauth/token",
                FORM,
                BenchAccount.passwordGrantForm(),
                "every request verifies the password with Argon2id (19 MiB, t=2), by design;"
                    + " it dominates this row."));

    Path wrkDirectory = Files.createDirectories(home.resolve("wrk"));
    WrkRun wrk = new WrkRun(settings, wrkDirectory);
    List<Report.Row> rows = new ArrayList<>();
    for (int i = 0; i < endpoints.size(); i++) {
      Endpoint endpoint = endpoints.get(i);
      account.preflight(endpoint);
      progress(
          "wrk: "
              + endpoint.label()
              + " ("
              + settings.warmUp().toSeconds()
              + " s warm-up + "
              + settings.measure().toSeconds()
              + " s)");
      rows.add(new Report.Row(endpoint, wrk.warmUpAndMeasure(stack.baseUrl(), endpoint, "e" + i)));
    }
    double loadedRss = ServerFootprint.residentMegabytes(jvm);

    Machine machine = Machine.describe(ServerFootprint.executable(jvm));
    return new Report(machine, settings, firstStart, stop, restart, idleRss, loadedRss, rows);
  }

  /** bench/results/platform.json: the rows' figures and the bearer target (issue 17). */
  private static void results(Report report) throws IOException {
    List<Report.Row> rows = report.rows();
    double baseline = rows.get(0).result().requestsPerSecond();
    double bearer = rows.get(1).result().requestsPerSecond();
    double me = rows.get(2).result().requestsPerSecond();
    double bearerRatio = bearer / baseline;
    new ResultsFile("platform", "bash bench/platform-bench.sh")
        .figure("baselineRps", baseline)
        .figure("baselineP99Ms", rows.get(0).result().p99Millis())
        .figure("bearerRps", bearer)
        .figure("bearerP99Ms", rows.get(1).result().p99Millis())
        .figure("meRps", me)
        .figure("passwordGrantRps", rows.get(3).result().requestsPerSecond())
        .ratio("bearerVsBaseline", bearerRatio)
        .ratio("meVsBaseline", me / baseline)
        .target(
            "bearer",
            "the trivial endpoint with a Bearer token at least 0.7x its req/s without one",
            bearerRatio >= 0.7)
        .write();
  }

  /** Distinct free loopback ports: all sockets stay open until every port is chosen. */
  static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  /** The home (and with it the log) is deleted on exit; show the end of the log first. */
  static void printLogTail(LibertyServer liberty) {
    try {
      Path log = liberty.logFile();
      if (Files.exists(log)) {
        List<String> lines = Files.readAllLines(log);
        System.err.println("[bench] Last lines of " + log + ":");
        lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("[bench] Could not read Liberty's log: " + e);
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static void progress(String message) {
    System.err.println("[bench] " + message);
  }
}
