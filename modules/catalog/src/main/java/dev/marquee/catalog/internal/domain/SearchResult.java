package dev.marquee.catalog.internal.domain;

import java.util.List;
import java.util.Map;

/**
 * One page of results, the facet counts over everything that matched, and the cursor of the next
 * page (null on the last).
 */
public record SearchResult(
    List<Hit> items, long total, Map<String, Map<String, Long>> facets, String nextCursor) {

  /** A title that matched. */
  public record Hit(
      String id,
      String name,
      String synopsis,
      String category,
      String language,
      String maturityRating,
      int releaseYear,
      Long durationMillis,
      boolean offlineAllowed,
      long popularity,
      double score) {}
}
