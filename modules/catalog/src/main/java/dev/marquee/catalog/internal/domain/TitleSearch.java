package dev.marquee.catalog.internal.domain;

/**
 * The search port. Adapters answer the same queries with the same rules (only published titles,
 * licensed in the viewer's region, inside their window, within the profile's maturity cap); the
 * behaviour tests hold every adapter to them.
 */
public interface TitleSearch {
  /** The next page's cursor is {@code offset + limit} encoded; adapters use {@link Cursors}. */
  SearchResult search(SearchQuery query);

  /** Which adapter this is, for operators ({@code postgres}, {@code opensearch}). */
  String engine();
}
