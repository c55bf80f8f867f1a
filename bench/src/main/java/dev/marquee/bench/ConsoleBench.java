package dev.marquee.bench;

import dev.marquee.devstack.EmbeddedDatabase;
import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The consoles on a big catalog (run it with {@code bash bench/console-bench.sh}): 100,000
 * generated titles and 1,000,000 QoE events over the last 14 days written to PostgreSQL, an admin
 * signed in to the console, and every console page requested one after another: the time from
 * sending a page's GET to having its whole HTML, on loopback, p50 and p95 per page (target: p95
 * under 300 ms). Then the job grid's push: a chunk's record changed in PostgreSQL (as a partition
 * on any server commits it) until its event arrives on the page's server-sent event stream, p95
 * (target: under 1 s); the browser's own drawing of the cell is not included.
 */
public final class ConsoleBench {
  private static final int TITLES = Integer.getInteger("bench.titles", 100_000);
  private static final int EVENTS = Integer.getInteger("bench.qoe", 1_000_000);
  private static final int RUNS = Integer.getInteger("bench.runs", 30);
  private static final int PUSHES = Integer.getInteger("bench.pushes", 40);

  /** PrimeFaces' CSP nonce: a postback must carry the one its page was rendered with. */
  private static final Pattern CSP_NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

  private ConsoleBench() {}

  public static void main(String[] args) throws Exception {
    Path home = Files.createTempDirectory("marquee-console-bench-");
    Teardown teardown = new Teardown(home);
    Runtime.getRuntime().addShutdownHook(new Thread(teardown, "marquee-bench-teardown"));
    MarqueeStack stack = null;
    try {
      stack = BenchStacks.loopback(home).build();
      teardown.stack(stack);
      System.err.println("[bench] Starting the stack in " + home);
      stack.start();
      run(stack, home);
    } catch (Exception | Error e) {
      if (stack != null) {
        PlatformBench.printLogTail(stack.liberty());
      }
      throw e;
    } finally {
      teardown.run();
    }
  }

  private static void run(MarqueeStack stack, Path home) throws Exception {
    var db = stack.database();
    MarqueeClient client = new MarqueeClient(stack.baseUrl());
    String admin = client.signIn(MarqueeStack.ADMIN_EMAIL, stack.adminPassword());
    Path master = home.resolve("grid.mp4");
    new SyntheticMaster(320, 180, 25, 12, false, List.of("eng")).writeTo(master);
    System.err.println("[bench] Publishing a title for the job grid");
    String gridTitle = BenchStacks.publishTitle(client, admin, master, "Grid Title");
    String job =
        ((JsonArray) client.get("/api/transcode/titles/" + gridTitle + "/jobs", admin))
            .getJsonObject(0)
            .getString("id");
    String title;
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      System.err.printf("[bench] Writing %,d titles%n", TITLES);
      CatalogGenerator.insert(c, TITLES, 42);
      System.err.printf("[bench] Writing %,d QoE events over 14 days%n", EVENTS);
      qoeEvents(c);
      title = oneTitle(c);
    }

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String base = stack.baseUrl();
    signIn(http, base, stack.adminPassword());
    String adminId = ((JsonObject) client.get("/api/accounts/me", admin)).getString("id");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("dashboard", "/console/admin/dashboard.xhtml");
    pages.put("titles", "/console/admin/titles.xhtml");
    pages.put("titles by state", "/console/admin/titles.xhtml?state=PUBLISHED");
    pages.put("title", "/console/admin/title.xhtml?id=" + title);
    pages.put("title analytics", "/console/admin/analytics.xhtml?id=" + title);
    pages.put("day", "/console/admin/day.xhtml?day=" + today);
    pages.put("accounts", "/console/admin/accounts.xhtml");
    pages.put("account", "/console/admin/account.xhtml?id=" + adminId);
    pages.put("licence audit", "/console/admin/licences.xhtml");
    pages.put("moderation", "/console/admin/moderation.xhtml");
    pages.put("keys", "/console/admin/keys.xhtml");
    pages.put("ingest", "/console/admin/ingest.xhtml");
    pages.put("jobs", "/console/jobs/index.xhtml");
    pages.put("job", "/console/jobs/job.xhtml?id=" + job);
    pages.put("worker servers", "/console/jobs/servers.xhtml");

    Map<String, double[]> times = new LinkedHashMap<>();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      for (int i = 0; i < 3; i++) {
        get(http, base + page.getValue()); // warm-up
      }
      double[] ms = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        get(http, base + page.getValue());
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      times.put(page.getKey(), ms);
    }
    double[] push = pushLatencies(http, base, job, db);

    System.out.println();
    System.out.println("Marquee console benchmark");
    System.out.println("=========================");
    System.out.printf(
        "Catalog   %,d generated titles, %,d QoE events over 14 UTC days; %d GETs per page after"
            + " 3 warm-up, one client on loopback, signed in as the admin%n%n",
        TITLES, EVENTS, RUNS);
    System.out.printf("%-16s %10s %10s%n", "page", "p50 ms", "p95 ms");
    double worst = 0;
    JsonObjectBuilder figures = Json.createObjectBuilder();
    for (Map.Entry<String, double[]> t : times.entrySet()) {
      double p50 = percentile(t.getValue(), 50);
      double p95 = percentile(t.getValue(), 95);
      worst = Math.max(worst, p95);
      System.out.printf("%-16s %10.1f %10.1f%n", t.getKey(), p50, p95);
      figures.add(t.getKey(), Json.createObjectBuilder().add("p50Ms", p50).add("p95Ms", p95));
    }
    double pushP50 = percentile(push, 50);
    double pushP95 = percentile(push, 95);
    System.out.printf(
        "%nJob grid push: chunk record committed -> its event on the page's stream, %d changes:"
            + " p50 %.0f ms, p95 %.0f ms%n",
        push.length, pushP50, pushP95);
    boolean pagesMet = worst < 300;
    boolean pushMet = pushP95 < 1000;
    System.out.printf(
        "Targets: every page p95 < 300 ms: %s (worst %.0f ms); grid push p95 < 1 s: %s%n",
        pagesMet, worst, pushMet);
    figures.add(
        "gridPush",
        Json.createObjectBuilder()
            .add("changes", push.length)
            .add("p50Ms", pushP50)
            .add("p95Ms", pushP95));
    Path file =
        ResultsFile.write(
            "console",
            "bash bench/console-bench.sh",
            Json.createObjectBuilder()
                .add("titles", TITLES)
                .add("qoeEvents", EVENTS)
                .add("getsPerPage", RUNS)
                .add(
                    "measured",
                    "server time as the client sees it: GET sent to whole HTML read, loopback")
                .build(),
            figures.build(),
            Json.createObjectBuilder()
                .add(
                    "pageP95",
                    Json.createObjectBuilder()
                        .add("target", "< 300 ms on every page")
                        .add("worstMs", worst)
                        .add("met", pagesMet))
                .add(
                    "gridPushP95",
                    Json.createObjectBuilder()
                        .add("target", "< 1000 ms")
                        .add("p95Ms", pushP95)
                        .add("met", pushMet))
                .build());
    System.out.println("Wrote " + file);
  }

  /** QoE events spread over the last 14 days, on random titles, in one statement. */
  private static void qoeEvents(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE some_titles AS SELECT id, row_number() OVER () AS n"
              + " FROM catalog.titles ORDER BY random() LIMIT 2000");
      s.executeUpdate(
          "INSERT INTO playback.qoe_events (session_id, seq, account_id, title_id, device_id,"
              + " type, client_time, received_at, day, value_ms, bitrate, height)"
              + " SELECT md5('s' || (g / 10))::uuid, g % 10, md5('a' || (g % 5000))::uuid,"
              + " t.id, md5('d' || (g % 7000))::uuid,"
              + " (ARRAY['STARTUP','REBUFFER_START','REBUFFER_END','BITRATE_SWITCH','PLAYED',"
              + "'END'])[1 + (g % 6)],"
              + " now() - ((g % 14) || ' days')::interval, now() - ((g % 14) || ' days')::interval,"
              + " ((now() - ((g % 14) || ' days')::interval) AT TIME ZONE 'UTC')::date,"
              + " (g % 4000), 1000000 + (g % 5) * 500000, 360 + (g % 3) * 360"
              + " FROM generate_series(0, "
              + (EVENTS - 1)
              + ") AS g JOIN some_titles t ON t.n = 1 + (g % 2000)");
      s.execute("ANALYZE playback.qoe_events");
    }
  }

  private static String oneTitle(Connection c) throws Exception {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT title_id FROM playback.qoe_events GROUP BY title_id"
                    + " ORDER BY count(*) DESC LIMIT 1");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getString(1);
    }
  }

  /**
   * The console's form sign-in, posted as a browser would: every hidden field of the form (the view
   * state and the form's submitted marker), PrimeFaces' CSP nonce, then the fields typed in.
   */
  private static void signIn(HttpClient http, String base, String password) throws Exception {
    String page = get(http, base + "/console/sign-in.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN_INPUT.matcher(page);
    while (hidden.find()) {
      Matcher name = NAME.matcher(hidden.group());
      Matcher value = VALUE.matcher(hidden.group());
      if (name.find()) {
        fields.put(name.group(1), value.find() ? value.group(1).replace("&#58;", ":") : "");
      }
    }
    if (!fields.containsKey("jakarta.faces.ViewState")) {
      throw new IllegalStateException("no view state on the sign-in page");
    }
    Matcher nonce = CSP_NONCE.matcher(page);
    if (!nonce.find()) {
      throw new IllegalStateException("no CSP nonce on the sign-in page");
    }
    fields.put("primefaces.nonce", nonce.group(1));
    fields.put("signIn:email", MarqueeStack.ADMIN_EMAIL);
    fields.put("signIn:password", password);
    fields.put("signIn:submit", "");
    String form = form(fields);
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/console/sign-in.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String dashboard = get(http, base + "/console/admin/dashboard.xhtml");
    if (signedIn.statusCode() >= 400 || !dashboard.contains("Dashboard")) {
      throw new IllegalStateException("console sign-in failed: " + signedIn.statusCode());
    }
  }

  private static String form(Map<String, String> fields) {
    List<String> pairs = new ArrayList<>();
    fields.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return r.body();
  }

  /**
   * Opens the job's event stream, then flips one chunk's record between two states, each change
   * committed by its own statement, and times each until an event mentioning the new state arrives.
   */
  private static double[] pushLatencies(
      HttpClient http, String base, String job, EmbeddedDatabase db) throws Exception {
    BlockingQueue<Long> events = new LinkedBlockingQueue<>();
    var stream =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/console/jobs/live?id=" + job)).build(),
            HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = stream.get();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the job's stream answered " + response.statusCode());
    }
    Thread reader =
        new Thread(
            () -> {
              try {
                response
                    .body()
                    .forEach(
                        line -> {
                          if (line.startsWith("data:")) {
                            events.add(System.nanoTime());
                          }
                        });
              } catch (UncheckedIOException closed) {
                // the stack stopped at the end of the bench and took the stream with it
              }
            },
            "console-bench-stream");
    reader.setDaemon(true);
    reader.start();
    events.poll(10, TimeUnit.SECONDS); // the whole grid, first
    double[] ms = new double[PUSHES];
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement change =
            c.prepareStatement(
                "UPDATE transcode.chunk_tasks SET attempts = ? WHERE job_id = ?::uuid"
                    + " AND chunk_index = 0")) {
      for (int i = 0; i < PUSHES; i++) {
        events.clear();
        change.setInt(1, i % 2 == 0 ? 3 : 1); // retried, then done in one attempt
        change.setString(2, job);
        long t0 = System.nanoTime();
        change.executeUpdate();
        Long arrived = events.poll(5, TimeUnit.SECONDS);
        if (arrived == null) {
          throw new IllegalStateException("no event within 5 s of change " + i);
        }
        ms[i] = (arrived - t0) / 1e6;
        Thread.sleep(50 + (i * 37) % 200); // changes at varied points of the server's read cycle
      }
    }
    Arrays.sort(ms);
    return ms;
  }

  private static double percentile(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
