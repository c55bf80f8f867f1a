package dev.marquee.catalog.internal.search;

import dev.marquee.catalog.internal.domain.Cursors;
import dev.marquee.catalog.internal.domain.Ratings;
import dev.marquee.catalog.internal.domain.SearchQuery;
import dev.marquee.catalog.internal.domain.SearchResult;
import dev.marquee.catalog.internal.domain.TitleSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenSearch adapter: titles in an index behind the alias {@code marquee-titles} (kept current
 * by the application's SearchIndexRelay from the catalog's outbox), the name as {@code
 * search_as_you_type} (prefixes of every word) plus a fuzzy match (typos), keyword facets as terms
 * aggregations.
 */
@ApplicationScoped
@Typed(OpenSearchTitleSearch.class)
public class OpenSearchTitleSearch implements TitleSearch {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final List<String> FACETS =
      List.of("category", "language", "maturityRating", "decade");

  @Inject
  @ConfigProperty(name = "marquee.search.opensearch.url", defaultValue = "http://127.0.0.1:9200")
  String url;

  @Inject
  @ConfigProperty(name = "marquee.search.opensearch.index", defaultValue = "marquee-titles")
  String alias;

  private volatile OpenSearchNode node;

  public OpenSearchTitleSearch() {}

  /** Outside a container (the adapters' contract test, benchmarks). */
  public OpenSearchTitleSearch(String url, String alias) {
    this.url = url;
    this.alias = alias;
  }

  @Override
  public String engine() {
    return "opensearch";
  }

  public String alias() {
    return alias;
  }

  public OpenSearchNode node() {
    OpenSearchNode n = node;
    if (n == null) {
      synchronized (this) {
        if (node == null) {
          node = new OpenSearchNode(url);
        }
        n = node;
      }
    }
    return n;
  }

  @Override
  public SearchResult search(SearchQuery q) {
    OpenSearchNode.Answer answer = node().call("POST", "/" + alias + "/_search", body(q));
    if (answer.status() == 404) {
      // No index yet (nothing was ever published, or a rebuild is due): nothing matches.
      return new SearchResult(List.of(), 0, emptyFacets(), null);
    }
    if (answer.status() != 200) {
      // A 4xx is a query this adapter should not have sent: a server error, not a retry later.
      throw new IllegalStateException(
          "OpenSearch refused the search (" + answer.status() + "): " + answer.body());
    }
    JsonObject r = answer.object();
    long total = r.getJsonObject("hits").getJsonObject("total").getJsonNumber("value").longValue();
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (JsonValue h : r.getJsonObject("hits").getJsonArray("hits")) {
      JsonObject hit = h.asJsonObject();
      JsonObject d = hit.getJsonObject("_source");
      JsonValue score = hit.get("_score");
      hits.add(
          new SearchResult.Hit(
              d.getString("id"),
              d.getString("name"),
              d.getString("synopsis"),
              d.getString("category"),
              d.getString("language"),
              Ratings.label(d.getString("maturity")),
              d.getInt("year"),
              d.containsKey("durationMs") ? d.getJsonNumber("durationMs").longValue() : null,
              d.getBoolean("offlineAllowed"),
              d.getJsonNumber("popularity").longValue(),
              score instanceof JsonNumber n ? Math.round(n.doubleValue() * 1000) / 1000.0 : 0.0));
    }
    Map<String, Map<String, Long>> facets = emptyFacets();
    JsonObject aggs = r.getJsonObject("aggregations");
    for (String facet : FACETS) {
      for (JsonValue b : aggs.getJsonObject(facet).getJsonArray("buckets")) {
        JsonObject bucket = b.asJsonObject();
        String key = bucket.getString("key");
        facets
            .get(facet)
            .put(
                facet.equals("maturityRating") ? Ratings.label(key) : key,
                bucket.getJsonNumber("doc_count").longValue());
      }
    }
    return new SearchResult(hits, total, facets, Cursors.next(q.offset(), q.limit(), total));
  }

  private static Map<String, Map<String, Long>> emptyFacets() {
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    FACETS.forEach(f -> facets.put(f, new LinkedHashMap<>()));
    return facets;
  }

  static JsonObject body(SearchQuery q) {
    JsonArrayBuilder filter = JSON.createArrayBuilder();
    filter.add(term("state", "PUBLISHED"));
    filter.add(
        terms(
            "regions",
            q.viewerRegion() == null ? List.of("WORLD") : List.of("WORLD", q.viewerRegion())));
    filter.add(range("availableFrom", null, "now", false));
    filter.add(
        JSON.createObjectBuilder()
            .add(
                "bool",
                JSON.createObjectBuilder()
                    .add(
                        "should",
                        JSON.createArrayBuilder()
                            .add(
                                JSON.createObjectBuilder()
                                    .add(
                                        "bool",
                                        JSON.createObjectBuilder()
                                            .add(
                                                "must_not",
                                                JSON.createObjectBuilder()
                                                    .add(
                                                        "exists",
                                                        JSON.createObjectBuilder()
                                                            .add("field", "availableUntil")))))
                            .add(range("availableUntil", "now", null, true)))
                    .add("minimum_should_match", 1)));
    filter.add(terms("maturity", List.copyOf(q.maturityCap())));
    if (!q.maturityRatings().isEmpty()) {
      filter.add(terms("maturity", List.copyOf(q.maturityRatings())));
    }
    if (!q.categories().isEmpty()) {
      filter.add(terms("category", q.categories()));
    }
    if (q.language() != null) {
      filter.add(term("language", q.language()));
    }
    if (q.yearFrom() != null || q.yearTo() != null) {
      filter.add(range("year", q.yearFrom(), q.yearTo(), false));
    }
    if (q.durationMinMinutes() != null || q.durationMaxMinutes() != null) {
      filter.add(
          range(
              "durationMs",
              q.durationMinMinutes() == null ? null : q.durationMinMinutes() * 60_000L,
              q.durationMaxMinutes() == null ? null : q.durationMaxMinutes() * 60_000L + 59_999L,
              false));
    }
    if (q.castMember() != null) {
      filter.add(term("cast", q.castMember().toLowerCase(Locale.ROOT)));
    }
    JsonObjectBuilder bool = JSON.createObjectBuilder().add("filter", filter);
    if (q.text() != null) {
      bool.add("must", text(q.text()));
    }
    SearchQuery.Sort sort =
        q.sort() == SearchQuery.Sort.RELEVANCE && q.text() == null
            ? SearchQuery.Sort.NEWEST
            : q.sort();
    JsonArrayBuilder order = JSON.createArrayBuilder();
    switch (sort) {
      // Prefix matches score alike: the shorter name is the closer one ("godf": The Godfather
      // before The Godfather Part II), as the PostgreSQL adapter's similarity tiebreak has it.
      case RELEVANCE ->
          order
              .add("_score")
              .add(JSON.createObjectBuilder().add("nameLength", "asc"))
              .add(desc("popularity"))
              .add(desc("createdAt"));
      case NEWEST -> order.add(desc("createdAt"));
      case POPULARITY -> order.add(desc("popularity")).add(desc("createdAt"));
    }
    order.add(JSON.createObjectBuilder().add("id", "asc"));
    JsonObjectBuilder aggs = JSON.createObjectBuilder();
    for (String facet : FACETS) {
      String field = facet.equals("maturityRating") ? "maturity" : facet;
      aggs.add(
          facet,
          JSON.createObjectBuilder()
              .add("terms", JSON.createObjectBuilder().add("field", field).add("size", 200)));
    }
    return JSON.createObjectBuilder()
        .add("from", q.offset())
        .add("size", q.limit())
        .add("track_total_hits", true)
        .add("query", JSON.createObjectBuilder().add("bool", bool))
        .add("sort", order)
        .add("aggs", aggs)
        .build();
  }

  /** Every word must match, as a prefix of a word of the name or within typo distance of one. */
  private static JsonObject text(String text) {
    JsonObject prefixes =
        JSON.createObjectBuilder()
            .add(
                "multi_match",
                JSON.createObjectBuilder()
                    .add("query", text)
                    .add("type", "bool_prefix")
                    .add("operator", "and")
                    .add(
                        "fields",
                        JSON.createArrayBuilder()
                            .add("name")
                            .add("name._2gram")
                            .add("name._3gram")))
            .build();
    JsonObject typos =
        JSON.createObjectBuilder()
            .add(
                "match",
                JSON.createObjectBuilder()
                    .add(
                        "name",
                        JSON.createObjectBuilder()
                            .add("query", text)
                            .add("fuzziness", "AUTO")
                            .add("prefix_length", 1)
                            .add("operator", "and")))
            .build();
    JsonObject matches =
        JSON.createObjectBuilder()
            .add(
                "bool",
                JSON.createObjectBuilder()
                    .add("should", JSON.createArrayBuilder().add(prefixes).add(typos))
                    .add("minimum_should_match", 1))
            .build();
    return matches;
  }

  private static JsonObject term(String field, String value) {
    return JSON.createObjectBuilder()
        .add("term", JSON.createObjectBuilder().add(field, value))
        .build();
  }

  private static JsonObject terms(String field, List<String> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return JSON.createObjectBuilder()
        .add("terms", JSON.createObjectBuilder().add(field, array))
        .build();
  }

  private static JsonObject range(String field, Object from, Object to, boolean exclusiveFrom) {
    JsonObjectBuilder bounds = JSON.createObjectBuilder();
    if (from != null) {
      add(bounds, exclusiveFrom ? "gt" : "gte", from);
    }
    if (to != null) {
      add(bounds, "lte", to);
    }
    return JSON.createObjectBuilder()
        .add("range", JSON.createObjectBuilder().add(field, bounds))
        .build();
  }

  private static void add(JsonObjectBuilder b, String name, Object value) {
    if (value instanceof Number n) {
      b.add(name, n.longValue());
    } else {
      b.add(name, value.toString());
    }
  }

  private static JsonObject desc(String field) {
    return JSON.createObjectBuilder().add(field, "desc").build();
  }

  /** The index settings and mapping (a new index is created with these on every rebuild). */
  static JsonObject indexDefinition() {
    JsonObjectBuilder props = JSON.createObjectBuilder();
    props.add(
        "name",
        JSON.createObjectBuilder().add("type", "search_as_you_type").add("analyzer", "folding"));
    props.add(
        "synopsis", JSON.createObjectBuilder().add("type", "text").add("analyzer", "folding"));
    for (String keyword :
        List.of("id", "category", "language", "maturity", "decade", "regions", "state", "cast")) {
      props.add(keyword, JSON.createObjectBuilder().add("type", "keyword"));
    }
    props.add("year", JSON.createObjectBuilder().add("type", "integer"));
    props.add("nameLength", JSON.createObjectBuilder().add("type", "integer"));
    props.add("durationMs", JSON.createObjectBuilder().add("type", "long"));
    props.add("popularity", JSON.createObjectBuilder().add("type", "long"));
    props.add("offlineAllowed", JSON.createObjectBuilder().add("type", "boolean"));
    for (String date : List.of("availableFrom", "availableUntil", "createdAt")) {
      // date, not date_nanos: licence windows may start before 1970 or end after 2262.
      props.add(date, JSON.createObjectBuilder().add("type", "date"));
    }
    return JSON.createObjectBuilder()
        .add(
            "settings",
            JSON.createObjectBuilder()
                .add("number_of_shards", 1)
                .add("number_of_replicas", 0)
                .add(
                    "analysis",
                    JSON.createObjectBuilder()
                        .add(
                            "analyzer",
                            JSON.createObjectBuilder()
                                .add(
                                    "folding",
                                    JSON.createObjectBuilder()
                                        .add("tokenizer", "standard")
                                        .add(
                                            "filter",
                                            JSON.createArrayBuilder()
                                                .add("lowercase")
                                                .add("asciifolding"))))))
        .add(
            "mappings",
            JSON.createObjectBuilder().add("dynamic", "strict").add("properties", props))
        .build();
  }
}
