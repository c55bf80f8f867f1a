package dev.marquee.bench;

import dev.marquee.catalog.internal.domain.SearchQuery;
import dev.marquee.catalog.internal.domain.SearchQuery.Sort;
import dev.marquee.catalog.internal.domain.TitleSearch;
import dev.marquee.catalog.internal.persistence.PostgresTitleSearchQuery;
import dev.marquee.catalog.internal.search.OpenSearchNode;
import dev.marquee.catalog.internal.search.OpenSearchTitleSearch;
import dev.marquee.devstack.MarqueeClient;
import dev.marquee.devstack.MarqueeStack;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Search on a generated catalog (run it with {@code bash bench/search-bench.sh}): 100,000 titles
 * written to PostgreSQL, indexed into OpenSearch through the outbox (catalog write to searchable)
 * and by an operator rebuild, then a fixed query mix (prefix, typo, facet, advanced) run against
 * both adapters side by side in one process, with p50/p99 per kind and adapter.
 */
public final class SearchBench {
  private static final int TITLES = Integer.getInteger("bench.titles", 100_000);
  private static final int QUERIES = Integer.getInteger("bench.queries", 200);

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    Path zip = Path.of(System.getProperty("marquee.opensearch.zip"));
    Path home = Files.createTempDirectory("marquee-search-bench-");
    Teardown teardown = new Teardown(home);
    Runtime.getRuntime().addShutdownHook(new Thread(teardown, "marquee-bench-teardown"));
    MarqueeStack stack = null;
    try {
      int[] ports = PlatformBench.freePorts(2);
      stack = BenchStacks.loopback(home).openSearch(zip, ports[0], ports[1]).build();
      teardown.stack(stack);
      System.err.println("[bench] Starting the stack (with OpenSearch) in " + home);
      stack.start();
      run(stack);
    } catch (Exception | Error e) {
      if (stack != null) {
        PlatformBench.printLogTail(stack.liberty());
      }
      throw e;
    } finally {
      teardown.run();
    }
  }

  private static void run(MarqueeStack stack) throws Exception {
    var db = stack.database();
    Connection shared = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    MarqueeClient client = new MarqueeClient(stack.baseUrl());
    String admin = client.signIn(MarqueeStack.ADMIN_EMAIL, stack.adminPassword());

    System.err.printf("[bench] Writing %,d titles%n", TITLES);
    long t0 = System.nanoTime();
    CatalogGenerator.insert(shared, TITLES, 42);
    double written = (System.nanoTime() - t0) / 1e9;
    while (pending(shared) > 0) {
      Thread.sleep(100);
    }
    double searchable = (System.nanoTime() - t0) / 1e9;
    System.err.println("[bench] Operator rebuild");
    JsonObject rebuilt =
        (JsonObject) client.send("POST", "/api/catalog/search/rebuild", admin, null, Map.of(), 200);

    // How many segments the live index has as the queries start: merges left running after the
    // rebuild compete with both adapters for the same two cores.
    int segments =
        new OpenSearchNode(stack.openSearch().orElseThrow().url())
            .call("GET", "/_cat/segments/marquee-titles?format=json", null)
            .body()
            .asJsonArray()
            .size();
    TitleSearch postgres = new PostgresTitleSearchQuery(oneConnection(shared));
    TitleSearch openSearch =
        new OpenSearchTitleSearch(stack.openSearch().orElseThrow().url(), "marquee-titles");
    Map<String, List<SearchQuery>> mix = mix(new Random(7));
    Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
    for (TitleSearch adapter : List.of(postgres, openSearch)) {
      for (List<SearchQuery> queries : mix.values()) {
        for (SearchQuery q : queries.subList(0, 30)) {
          adapter.search(q); // warm-up
        }
      }
    }
    // Interleaved: each query runs on both adapters back to back, so both see the same machine.
    for (Map.Entry<String, List<SearchQuery>> kind : mix.entrySet()) {
      double[] pg = new double[kind.getValue().size()];
      double[] os = new double[kind.getValue().size()];
      for (int i = 0; i < kind.getValue().size(); i++) {
        SearchQuery q = kind.getValue().get(i);
        pg[i] = time(postgres, q);
        os[i] = time(openSearch, q);
      }
      Arrays.sort(pg);
      Arrays.sort(os);
      results.put(kind.getKey(), Map.of("postgres", pg, "opensearch", os));
    }

    System.out.println();
    System.out.println("Marquee search benchmark");
    System.out.println("========================");
    System.out.printf(
        "Machine   %d CPUs (nproc); PostgreSQL, OpenSearch 3.6.0 (512 MB heap), Liberty and this"
            + " JVM share them%n",
        Runtime.getRuntime().availableProcessors());
    System.out.printf(
        "Catalog   %,d generated published titles (seed 42), cast on one in ten%n", TITLES);
    System.out.printf(
        "Write     %,d titles to PostgreSQL (batched JDBC, outbox trigger): %.1f s, %,.0f titles/s%n",
        TITLES, written, TITLES / written);
    System.out.printf(
        "Indexing  catalog write -> searchable in OpenSearch via the outbox relay: %.1f s, %,.0f titles/s%n",
        searchable, TITLES / searchable);
    System.out.printf(
        "Rebuild   operator rebuild into a fresh index: %,d titles in %.1f s, %,.0f titles/s%n",
        rebuilt.getJsonNumber("indexed").longValue(),
        rebuilt.getJsonNumber("tookMillis").longValue() / 1000.0,
        rebuilt.getJsonNumber("indexed").longValue()
            * 1000.0
            / Math.max(1, rebuilt.getJsonNumber("tookMillis").longValue()));
    System.out.printf("Segments  %d in the live index when the queries started%n", segments);
    System.out.printf(
        "Queries   %d per kind per adapter after 30 warm-up each, one thread, adapters called"
            + " in process (no HTTP)%n%n",
        QUERIES);
    System.out.printf(
        "%-10s %14s %14s %14s %16s %16s %16s %10s%n",
        "kind",
        "postgres p50",
        "postgres p95",
        "postgres p99",
        "opensearch p50",
        "opensearch p95",
        "opensearch p99",
        "p99 pg/os");
    List<double[]> allPg = new ArrayList<>();
    List<double[]> allOs = new ArrayList<>();
    for (Map.Entry<String, Map<String, double[]>> r : results.entrySet()) {
      double[] pg = r.getValue().get("postgres");
      double[] os = r.getValue().get("opensearch");
      allPg.add(pg);
      allOs.add(os);
      row(r.getKey(), pg, os);
    }
    double[] pg = merge(allPg);
    double[] os = merge(allOs);
    row("all", pg, os);
    System.out.printf(
        "%nTarget p99 < 50 ms: postgres %s (%.1f ms), opensearch %s (%.1f ms)%n",
        pct(pg, 0.99) < 50 ? "met" : "NOT met",
        pct(pg, 0.99),
        pct(os, 0.99) < 50 ? "met" : "NOT met",
        pct(os, 0.99));
    ResultsFile file = new ResultsFile("search", "bash bench/search-bench.sh");
    file.figure("titles", TITLES)
        .figure("writeTitlesPerSecond", TITLES / written)
        .figure("outboxTitlesPerSecond", TITLES / searchable)
        .figure("openSearchSegments", segments);
    for (Map.Entry<String, Map<String, double[]>> r : results.entrySet()) {
      file.figure(r.getKey() + "PostgresP50Ms", pct(r.getValue().get("postgres"), 0.5))
          .figure(r.getKey() + "PostgresP95Ms", pct(r.getValue().get("postgres"), 0.95))
          .figure(r.getKey() + "PostgresP99Ms", pct(r.getValue().get("postgres"), 0.99))
          .figure(r.getKey() + "OpenSearchP50Ms", pct(r.getValue().get("opensearch"), 0.5))
          .figure(r.getKey() + "OpenSearchP95Ms", pct(r.getValue().get("opensearch"), 0.95))
          .figure(r.getKey() + "OpenSearchP99Ms", pct(r.getValue().get("opensearch"), 0.99));
    }
    file.figure("allPostgresP50Ms", pct(pg, 0.5))
        .figure("allPostgresP95Ms", pct(pg, 0.95))
        .figure("allPostgresP99Ms", pct(pg, 0.99))
        .figure("allOpenSearchP99Ms", pct(os, 0.99))
        .ratio("p99PostgresVsOpenSearch", pct(pg, 0.99) / pct(os, 0.99))
        .target(
            "postgresP99",
            "PostgreSQL adapter p99 under 50 ms over the query mix, 100,000 titles",
            pct(pg, 0.99) < 50)
        .target(
            "openSearchP99",
            "OpenSearch adapter p99 under 25 ms over the query mix, 100,000 titles",
            pct(os, 0.99) < 25)
        .write();
    shared.close();
  }

  static Map<String, List<SearchQuery>> mix(Random random) {
    Set<String> adults = Set.of("ALL", "AGE_7", "AGE_13", "AGE_16", "AGE_18");
    Map<String, List<SearchQuery>> mix = new LinkedHashMap<>();
    List<SearchQuery> prefix = new ArrayList<>();
    List<SearchQuery> typo = new ArrayList<>();
    List<SearchQuery> facet = new ArrayList<>();
    List<SearchQuery> advanced = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      String word = CatalogGenerator.WORDS.get(random.nextInt(CatalogGenerator.WORDS.size()));
      prefix.add(
          query(
              word.substring(0, Math.min(word.length(), 3 + random.nextInt(3))),
              List.of(),
              null,
              null,
              null,
              null,
              Sort.RELEVANCE,
              adults));
      int drop = 1 + random.nextInt(word.length() - 2);
      typo.add(
          query(
              word.substring(0, drop) + word.substring(drop + 1),
              List.of(),
              null,
              null,
              null,
              null,
              Sort.RELEVANCE,
              adults));
      facet.add(
          query(
              null,
              List.of(
                  CatalogGenerator.CATEGORIES.get(
                      random.nextInt(CatalogGenerator.CATEGORIES.size()))),
              null,
              null,
              null,
              null,
              Sort.POPULARITY,
              adults));
      int from = 1950 + random.nextInt(60);
      advanced.add(
          query(
              null,
              List.of(),
              CatalogGenerator.LANGUAGES.get(random.nextInt(CatalogGenerator.LANGUAGES.size())),
              from,
              from + 10,
              i % 4 == 0
                  ? CatalogGenerator.PEOPLE.get(random.nextInt(CatalogGenerator.PEOPLE.size()))
                  : null,
              Sort.NEWEST,
              Set.of("ALL", "AGE_7", "AGE_13")));
    }
    mix.put("prefix", prefix);
    mix.put("typo", typo);
    mix.put("facet", facet);
    mix.put("advanced", advanced);
    return mix;
  }

  private static SearchQuery query(
      String text,
      List<String> categories,
      String language,
      Integer from,
      Integer to,
      String cast,
      Sort sort,
      Set<String> cap) {
    return new SearchQuery(
        text, categories, language, from, to, null, null, Set.of(), sort, 20, 0, "GB", cap, cast);
  }

  private static void row(String kind, double[] pg, double[] os) {
    System.out.printf(
        "%-10s %11.1f ms %11.1f ms %11.1f ms %13.1f ms %13.1f ms %13.1f ms %9.2fx%n",
        kind,
        pct(pg, 0.5),
        pct(pg, 0.95),
        pct(pg, 0.99),
        pct(os, 0.5),
        pct(os, 0.95),
        pct(os, 0.99),
        pct(pg, 0.99) / pct(os, 0.99));
  }

  private static double time(TitleSearch adapter, SearchQuery q) {
    long t0 = System.nanoTime();
    adapter.search(q);
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double pct(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  }

  private static double[] merge(List<double[]> parts) {
    double[] all = parts.stream().flatMapToDouble(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }

  private static long pending(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM catalog.search_outbox")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** A DataSource over one open connection (a pool of one), so no query pays a connect. */
  static DataSource oneConnection(Connection shared) {
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, methodArgs) ->
                    method.getName().equals("close") ? null : method.invoke(shared, methodArgs));
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return unclosable;
      }

      @Override
      public Connection getConnection(String user, String password) {
        return unclosable;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> iface) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
