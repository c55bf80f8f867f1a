package dev.marquee.bench;

import dev.marquee.catalog.internal.domain.SearchQuery;
import dev.marquee.catalog.internal.domain.SearchQuery.Sort;
import dev.marquee.catalog.internal.domain.SearchResult;
import dev.marquee.catalog.internal.persistence.PostgresTitleSearchQuery;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PostgreSQL adapter's answers to a fixed, wide set of searches, one line each (total, facets,
 * page with scores), written to a file, so that two builds of the adapter can be compared with
 * {@code diff}; also the slowest of them by time. The set: the search bench's 800 queries, and for
 * every word of the generated vocabulary each prefix, each one-letter-dropped typo and the plural,
 * plainly and with a filter, a sort, a second page or a kids' cap in turn.
 *
 * <pre>
 * java -cp ... -Dsearch.jdbc=jdbc:postgresql://127.0.0.1:PORT/DB -Dsearch.user=U
 *   [-Dsearch.password=P] [-Dsearch.generate=true] -Dsearch.answers=FILE dev.marquee.bench.SearchAnswers
 * </pre>
 *
 * With {@code search.generate=true} it first writes the bench's 100,000 titles (seed 42) into an
 * empty, migrated catalog.
 */
public final class SearchAnswers {
  private static final Set<String> ADULTS = Set.of("ALL", "AGE_7", "AGE_13", "AGE_16", "AGE_18");
  private static final Set<String> KIDS = Set.of("ALL", "AGE_7");

  private SearchAnswers() {}

  public static void main(String[] args) throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            System.getProperty("search.jdbc"),
            System.getProperty("search.user"),
            System.getProperty("search.password", ""))) {
      if (Boolean.getBoolean("search.generate")) {
        CatalogGenerator.insert(c, 100_000, 42);
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("DELETE FROM catalog.search_outbox");
          s.execute("VACUUM ANALYZE");
        }
      }
      c.setAutoCommit(true);
      PostgresTitleSearchQuery adapter = new PostgresTitleSearchQuery(SearchBench.oneConnection(c));
      List<SearchQuery> queries = queries();
      queries =
          queries.subList(
              0, Math.min(queries.size(), Integer.getInteger("search.first", queries.size())));
      for (SearchQuery q : queries.subList(0, Math.min(50, queries.size()))) {
        adapter.search(q); // warm-up
      }
      List<double[]> times = new ArrayList<>();
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(answersFile())))) {
        for (int i = 0; i < queries.size(); i++) {
          long t0 = System.nanoTime();
          SearchResult r = adapter.search(queries.get(i));
          times.add(new double[] {(System.nanoTime() - t0) / 1e6, i});
          out.println(line(queries.get(i), r));
        }
      }
      times.sort((a, b) -> Double.compare(b[0], a[0]));
      System.out.printf(
          "%d queries answered into %s; the slowest:%n", queries.size(), answersFile());
      for (double[] t : times.subList(0, Math.min(15, times.size()))) {
        System.out.printf("%8.1f ms  %s%n", t[0], describe(queries.get((int) t[1])));
      }
    }
  }

  private static String answersFile() {
    return System.getProperty("search.answers", "search-answers.txt");
  }

  static List<SearchQuery> queries() {
    List<SearchQuery> queries = new ArrayList<>();
    SearchBench.mix(new Random(7)).values().forEach(queries::addAll);
    Set<String> texts = new LinkedHashSet<>();
    for (String word : new LinkedHashSet<>(CatalogGenerator.WORDS)) {
      for (int n = 1; n <= word.length(); n++) {
        texts.add(word.substring(0, n));
      }
      for (int drop = 0; drop < word.length(); drop++) {
        texts.add(word.substring(0, drop) + word.substring(drop + 1));
      }
      texts.add(word + "s");
    }
    int i = 0;
    for (String text : texts) {
      String category = CatalogGenerator.CATEGORIES.get(i % CatalogGenerator.CATEGORIES.size());
      queries.add(query(text, List.of(), null, Sort.RELEVANCE, 0, ADULTS));
      queries.add(
          switch (i % 5) {
            case 0 -> query(text, List.of(category), null, Sort.RELEVANCE, 0, ADULTS);
            case 1 -> query(text, List.of(), "fr", Sort.POPULARITY, 0, ADULTS);
            case 2 -> query(text, List.of(), null, Sort.RELEVANCE, 20, ADULTS);
            case 3 -> query(text, List.of(), null, Sort.NEWEST, 0, KIDS);
            default -> query(text, List.of(), null, Sort.RELEVANCE, 0, KIDS);
          });
      i++;
    }
    return queries;
  }

  private static SearchQuery query(
      String text,
      List<String> categories,
      String language,
      Sort sort,
      int offset,
      Set<String> cap) {
    return new SearchQuery(
        text,
        categories,
        language,
        null,
        null,
        null,
        null,
        Set.of(),
        sort,
        20,
        offset,
        "GB",
        cap,
        null);
  }

  private static String describe(SearchQuery q) {
    return String.join(
        " ",
        String.valueOf(q.text()),
        String.valueOf(q.categories()),
        String.valueOf(q.language()),
        q.yearFrom() + "-" + q.yearTo(),
        String.valueOf(q.castMember()),
        String.valueOf(q.sort()),
        "offset=" + q.offset(),
        "cap=" + new TreeSet<>(q.maturityCap()));
  }

  private static String line(SearchQuery q, SearchResult r) {
    StringBuilder b = new StringBuilder(describe(q)).append(" | total=").append(r.total());
    b.append(" | facets=").append(r.facets()).append(" | next=").append(r.nextCursor());
    b.append(" | page=");
    for (SearchResult.Hit h : r.items()) {
      b.append(h.id()).append(':').append(h.score()).append(' ');
    }
    return b.toString();
  }
}
