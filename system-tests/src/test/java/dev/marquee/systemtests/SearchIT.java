package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.catalog.internal.domain.SearchQuery;
import dev.marquee.catalog.internal.domain.SearchQuery.Sort;
import dev.marquee.catalog.internal.domain.SearchResult;
import dev.marquee.catalog.internal.domain.TitleSearch;
import dev.marquee.catalog.internal.persistence.PostgresTitleSearchQuery;
import dev.marquee.catalog.internal.search.OpenSearchTitleSearch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Search on OpenSearch, the engine the test stack runs (on a JDK 21+ found on the machine), over
 * HTTP through {@link SearchOverHttp}; and both adapters called directly with the same queries must
 * answer alike. {@link PostgresSearchIT} serves the same HTTP tests from PostgreSQL.
 */
class SearchIT extends SearchOverHttp {
  @Override
  String engine() {
    return "opensearch";
  }

  @Test
  void bothAdaptersAnswerEveryQueryAlike() throws Exception {
    var node = RunningMarquee.openSearch();
    awaitIndexed();
    var db = RunningMarquee.stack().database();
    var source = new org.postgresql.ds.PGSimpleDataSource();
    source.setURL(db.jdbcUrl());
    source.setUser(db.user());
    source.setPassword(db.password());
    TitleSearch postgres = new PostgresTitleSearchQuery(source);
    TitleSearch openSearch = new OpenSearchTitleSearch(node.url(), "marquee-titles");
    Set<String> adults = Set.of("ALL", "AGE_7", "AGE_13", "AGE_16", "AGE_18");
    Set<String> children = Set.of("ALL", "AGE_7");
    List<SearchQuery> queries =
        List.of(
            query(
                "godfater",
                List.of(),
                null,
                null,
                null,
                Set.of(),
                Sort.RELEVANCE,
                50,
                0,
                "GB",
                adults),
            query(
                "godf", List.of(), null, null, null, Set.of(), Sort.RELEVANCE, 50, 0, "GB", adults),
            query(
                "part ii",
                List.of(),
                null,
                null,
                null,
                Set.of(),
                Sort.RELEVANCE,
                50,
                0,
                "GB",
                adults),
            query(
                "goodfelas",
                List.of(),
                null,
                null,
                null,
                Set.of(),
                Sort.RELEVANCE,
                50,
                0,
                "GB",
                adults),
            query(
                "fiding nemo",
                List.of(),
                null,
                null,
                null,
                Set.of(),
                Sort.RELEVANCE,
                50,
                0,
                "GB",
                adults),
            query(
                "nemo", List.of(), null, null, null, Set.of(), Sort.RELEVANCE, 50, 0, "US", adults),
            query(
                "godfather",
                List.of(),
                null,
                null,
                null,
                Set.of(),
                Sort.RELEVANCE,
                50,
                0,
                "GB",
                children),
            query("the", List.of(), null, 1970, 1979, Set.of(), Sort.NEWEST, 50, 0, "GB", adults),
            query(null, List.of(), null, null, null, Set.of(), Sort.NEWEST, 5, 0, "GB", adults),
            query(null, List.of(), null, null, null, Set.of(), Sort.NEWEST, 5, 5, "GB", adults),
            query(
                null, List.of(), null, null, null, Set.of(), Sort.POPULARITY, 50, 0, null, adults),
            query(
                null,
                List.of("drama", "animation"),
                null,
                null,
                null,
                Set.of(),
                Sort.NEWEST,
                50,
                0,
                "GB",
                adults),
            query(null, List.of(), "fr", null, null, Set.of(), Sort.NEWEST, 50, 0, "GB", adults),
            query(
                null, List.of(), null, 2000, null, Set.of("ALL"), Sort.NEWEST, 50, 0, "GB", adults),
            query(null, List.of(), null, null, null, Set.of(), Sort.NEWEST, 50, 0, "GB", children));
    for (SearchQuery q : queries) {
      SearchResult expected = postgres.search(q);
      SearchResult actual = openSearch.search(q);
      assertThat(actual.total()).as("total of %s", q).isEqualTo(expected.total());
      List<String> want = expected.items().stream().map(SearchResult.Hit::id).toList();
      List<String> got = actual.items().stream().map(SearchResult.Hit::id).toList();
      if (q.text() == null) {
        assertThat(got).as("order of %s", q).isEqualTo(want);
      } else {
        assertThat(got).as("hits of %s", q).containsExactlyInAnyOrderElementsOf(want);
      }
      assertThat(actual.facets()).as("facets of %s", q).isEqualTo(expected.facets());
      assertThat(actual.nextCursor()).as("cursor of %s", q).isEqualTo(expected.nextCursor());
    }
    // The best match for a typo is the same title on both.
    assertThat(openSearch.search(queries.get(0)).items().get(0).name()).isEqualTo("The Godfather");
    assertThat(postgres.search(queries.get(0)).items().get(0).name()).isEqualTo("The Godfather");
  }

  private static SearchQuery query(
      String text,
      List<String> categories,
      String language,
      Integer yearFrom,
      Integer yearTo,
      Set<String> ratings,
      Sort sort,
      int limit,
      int offset,
      String region,
      Set<String> cap) {
    return new SearchQuery(
        text,
        categories,
        language,
        yearFrom,
        yearTo,
        null,
        null,
        ratings,
        sort,
        limit,
        offset,
        region,
        cap,
        null);
  }
}
