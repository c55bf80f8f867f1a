package dev.marquee.catalog.internal.persistence;

import dev.marquee.catalog.internal.domain.Cursors;
import dev.marquee.catalog.internal.domain.NameWords;
import dev.marquee.catalog.internal.domain.Ratings;
import dev.marquee.catalog.internal.domain.SearchQuery;
import dev.marquee.catalog.internal.domain.SearchResult;
import dev.marquee.catalog.internal.domain.TitleSearch;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The PostgreSQL adapter: the catalog's own table is the index. Titles match on a prefix of a word
 * of the name or on pg_trgm word similarity (typos: "godfater" finds "The Godfather"); every value
 * is a bound parameter. For a one-word text (the common case) the prefix is looked up among the
 * distinct words of all names ({@link NameWords}) and titles are found by their words (a GIN index
 * on {@code name_words}), so the similarity, the costly part, is computed only for titles no prefix
 * matched, or where it may raise a prefix match's score; other texts ("part ii") match whole names
 * through the names' trigram index. Both give the same answers.
 */
@ApplicationScoped
@Typed(PostgresTitleSearchQuery.class)
public class PostgresTitleSearchQuery implements TitleSearch {
  private static final String COLUMNS =
      "t.id, t.name, t.synopsis, t.category, t.language, t.maturity_rating, t.release_year,"
          + " t.duration_ms, t.offline_allowed, t.popularity";

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  public PostgresTitleSearchQuery() {}

  /** Outside a container (the adapters' contract test, tools). */
  public PostgresTitleSearchQuery(DataSource db) {
    this.db = db;
  }

  @Override
  public String engine() {
    return "postgres";
  }

  @Override
  public SearchResult search(SearchQuery q) {
    String text = q.text() == null ? null : q.text().toLowerCase(Locale.ROOT);
    try (Connection c = db.getConnection()) {
      return search(c, q, text, NameWords.applies(text) ? wordMatch(c, text) : null);
    } catch (SQLException e) {
      throw new IllegalStateException("search failed: " + e.getMessage(), e);
    }
  }

  /**
   * What the distinct name words say about a one-word text: the words starting with it (one range
   * of the primary key), and whether a title they match scores 0.9 whatever its similarity.
   */
  private static WordMatch wordMatch(Connection c, String text) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT ARRAY(SELECT word FROM catalog.title_words WHERE word >= ? AND word < ?"
                + " ORDER BY word)::text[],"
                + " (SELECT count(*) FROM catalog.title_trigrams"
                + " WHERE trigram = ANY (public.show_trgm(?)))::int,"
                + " cardinality(public.show_trgm(?))")) {
      s.setString(1, text);
      s.setString(2, NameWords.end(text));
      s.setString(3, text);
      s.setString(4, text);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new WordMatch(
            (String[]) r.getArray(1).getArray(),
            NameWords.prefixScoreIsFixed(r.getInt(2), r.getInt(3)),
            NameWords.lastTrigramPattern(text, r.getInt(3)));
      }
    }
  }

  /**
   * The words that start with a one-word text; whether their titles all score 0.9; else, the
   * pattern of names whose titles may score more (null: any may).
   */
  private record WordMatch(String[] prefixed, boolean prefixScoreFixed, String mayScoreMore) {}

  private SearchResult search(Connection c, SearchQuery q, String text, WordMatch words)
      throws SQLException {
    List<Object> whereParams = new ArrayList<>();
    String where = where(q, text, words, whereParams);
    String score;
    List<Object> scoreParams = new ArrayList<>();
    if (text == null) {
      score = "0.0";
    } else if (words != null) {
      // The same score as below, by the words: the name starts with the text 1, a word does 0.9
      // (or the similarity when it may be greater), else the similarity.
      StringBuilder cases =
          new StringBuilder("CASE WHEN starts_with(t.name_words[1], ?) THEN 1.0::real");
      scoreParams.add(text);
      if (Arrays.asList(words.prefixed()).contains(text)) {
        // A name holding the text as a word: pg_trgm's word similarity of that word's extent is 1.
        cases.append(" WHEN ? = ANY (t.name_words) THEN 1.0::real");
        scoreParams.add(text);
      }
      if (words.prefixed().length > 0) {
        cases.append(" WHEN t.name_words && ? THEN ");
        scoreParams.add(words.prefixed());
        if (words.prefixScoreFixed()) {
          cases.append("0.9::real");
        } else if (words.mayScoreMore() != null) {
          // Only a name with a word ending as the text does can pass 0.9 (NameWords).
          cases.append(
              "CASE WHEN lower(t.name) ~ ? THEN greatest(public.word_similarity(?, lower(t.name)),"
                  + " 0.9::real) ELSE 0.9::real END");
          scoreParams.add(words.mayScoreMore());
          scoreParams.add(text);
        } else {
          cases.append("greatest(public.word_similarity(?, lower(t.name)), 0.9::real)");
          scoreParams.add(text);
        }
      }
      score = cases.append(" ELSE public.word_similarity(?, lower(t.name)) END").toString();
      scoreParams.add(text);
    } else {
      // Whole-name prefix 1, word prefix 0.9, else word similarity; ties go to the shorter,
      // closer name ("godf": The Godfather first), as on OpenSearch.
      score =
          "greatest(public.word_similarity(?, lower(t.name)),"
              + " CASE WHEN lower(t.name) LIKE ? ESCAPE '\\' THEN 1.0"
              + " WHEN lower(t.name) LIKE ? ESCAPE '\\' THEN 0.9 ELSE 0.0 END)";
      scoreParams.add(text);
      scoreParams.add(like(text) + "%");
      scoreParams.add("% " + like(text) + "%");
    }
    SearchQuery.Sort sort =
        q.sort() == SearchQuery.Sort.RELEVANCE && text == null ? SearchQuery.Sort.NEWEST : q.sort();
    String order =
        switch (sort) {
          case RELEVANCE -> "score DESC, length(name), popularity DESC, created_at DESC, id";
          case NEWEST -> "created_at DESC, id";
          case POPULARITY -> "popularity DESC, created_at DESC, id";
        };
    // One statement: the matches are found (and scored) once, then give both the page (the first
    // rows by a bounded sort, then numbered) and the facet counts.
    String sql =
        "WITH m AS MATERIALIZED (SELECT "
            + COLUMNS
            + ", t.created_at, ("
            + score
            + ")::float8 AS score FROM catalog.titles t"
            + where
            + "), page AS (SELECT f.*, row_number() OVER (ORDER BY "
            + order
            + ") AS rn FROM (SELECT * FROM m ORDER BY "
            + order
            + " LIMIT ? OFFSET ?) f)"
            + " SELECT 0 AS part, rn, id, name, synopsis, category, language, maturity_rating,"
            + " release_year, duration_ms, offline_allowed, popularity, score, NULL::int AS decade,"
            + " 0 AS by_category, 0 AS by_language, 0 AS by_rating, 0::bigint AS n FROM page"
            + " UNION ALL"
            + " SELECT 1, 0, NULL::uuid, NULL, NULL, category, language, maturity_rating, NULL::int,"
            + " NULL::bigint, NULL::boolean, NULL::bigint, NULL::float8, release_year / 10 * 10,"
            + " GROUPING(category), GROUPING(language), GROUPING(maturity_rating), count(*)"
            + " FROM m GROUP BY GROUPING SETS ((category), (language), (maturity_rating),"
            + " ((release_year / 10 * 10)))";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = bind(c, s, 1, scoreParams);
      i = bind(c, s, i, whereParams);
      s.setInt(i++, q.limit());
      s.setInt(i, q.offset());
      TreeMap<Long, SearchResult.Hit> page = new TreeMap<>();
      Map<String, Map<String, Long>> counts = emptyFacets();
      long total = 0;
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          if (r.getInt("part") == 0) {
            page.put(r.getLong("rn"), hit(r));
            continue;
          }
          long n = r.getLong("n");
          if (r.getInt("by_category") == 0) {
            counts.get("category").put(r.getString("category"), n);
            total += n;
          } else if (r.getInt("by_language") == 0) {
            counts.get("language").put(r.getString("language"), n);
          } else if (r.getInt("by_rating") == 0) {
            counts.get("maturityRating").put(Ratings.label(r.getString("maturity_rating")), n);
          } else {
            counts.get("decade").put(r.getInt("decade") + "s", n);
          }
        }
      }
      for (Map<String, Long> facet : counts.values()) {
        sortByCount(facet);
      }
      return new SearchResult(
          new ArrayList<>(page.values()),
          total,
          counts,
          Cursors.next(q.offset(), q.limit(), total));
    }
  }

  private static Map<String, Map<String, Long>> emptyFacets() {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (String facet : List.of("category", "language", "maturityRating", "decade")) {
      counts.put(facet, new LinkedHashMap<>());
    }
    return counts;
  }

  private static String where(SearchQuery q, String text, WordMatch words, List<Object> params) {
    StringBuilder w =
        new StringBuilder(
            " WHERE t.state = 'PUBLISHED' AND t.available_from <= now()"
                + " AND (t.available_until IS NULL OR t.available_until > now())"
                + " AND string_to_array(t.regions, ' ') && ?");
    params.add(
        q.viewerRegion() == null
            ? new String[] {"WORLD"}
            : new String[] {"WORLD", q.viewerRegion()});
    w.append(" AND t.maturity_rating = ANY (?)");
    params.add(q.maturityCap().toArray(String[]::new));
    if (!q.maturityRatings().isEmpty()) {
      w.append(" AND t.maturity_rating = ANY (?)");
      params.add(q.maturityRatings().toArray(String[]::new));
    }
    if (!q.categories().isEmpty()) {
      w.append(" AND t.category = ANY (?)");
      params.add(q.categories().toArray(String[]::new));
    }
    if (q.language() != null) {
      w.append(" AND t.language = ?");
      params.add(q.language());
    }
    if (q.yearFrom() != null) {
      w.append(" AND t.release_year >= ?");
      params.add(q.yearFrom());
    }
    if (q.yearTo() != null) {
      w.append(" AND t.release_year <= ?");
      params.add(q.yearTo());
    }
    if (q.durationMinMinutes() != null) {
      w.append(" AND t.duration_ms >= ?");
      params.add(q.durationMinMinutes() * 60_000L);
    }
    if (q.durationMaxMinutes() != null) {
      w.append(" AND t.duration_ms <= ?");
      params.add(q.durationMaxMinutes() * 60_000L + 59_999L);
    }
    if (q.castMember() != null) {
      w.append(
          " AND EXISTS (SELECT 1 FROM catalog.credits c WHERE c.title_id = t.id"
              + " AND lower(c.person) = lower(?))");
      params.add(q.castMember());
    }
    if (words != null && words.prefixed().length > 0) {
      // A word starts with the text (the GIN index on name_words) or the name is similar to it.
      // Written as the index condition is (name %> text, not text <% name): then the condition is
      // checked once, by the index recheck, rather than again by a filter (two similarity calls).
      w.append(" AND (t.name_words && ? OR lower(t.name) OPERATOR(public.%>) ?)");
      params.add(words.prefixed());
      params.add(text);
    } else if (words != null) {
      w.append(" AND lower(t.name) OPERATOR(public.%>) ?");
      params.add(text);
    } else if (text != null) {
      // Word prefixes, as OpenSearch's search_as_you_type field: "godf", "part ii".
      w.append(
          " AND (lower(t.name) LIKE ? ESCAPE '\\' OR lower(t.name) LIKE ? ESCAPE '\\'"
              + " OR lower(t.name) OPERATOR(public.%>) ?)");
      params.add(like(text) + "%");
      params.add("% " + like(text) + "%");
      params.add(text);
    }
    return w.toString();
  }

  private static int bind(Connection c, PreparedStatement s, int from, List<Object> params)
      throws SQLException {
    int i = from;
    for (Object p : params) {
      if (p instanceof String[] array) {
        s.setArray(i++, c.createArrayOf("text", array));
      } else {
        s.setObject(i++, p);
      }
    }
    return i;
  }

  /** Escapes LIKE's wildcards so that a viewer's "%" or "_" is just a character. */
  static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static SearchResult.Hit hit(ResultSet r) throws SQLException {
    Number duration = (Number) r.getObject("duration_ms");
    return new SearchResult.Hit(
        r.getObject("id").toString(),
        r.getString("name"),
        r.getString("synopsis"),
        r.getString("category"),
        r.getString("language"),
        Ratings.label(r.getString("maturity_rating")),
        r.getInt("release_year"),
        duration == null ? null : duration.longValue(),
        r.getBoolean("offline_allowed"),
        r.getLong("popularity"),
        Math.round(r.getDouble("score") * 1000) / 1000.0);
  }

  private static void sortByCount(Map<String, Long> facet) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(facet.entrySet());
    entries.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    facet.clear();
    entries.forEach(e -> facet.put(e.getKey(), e.getValue()));
  }
}
