package dev.marquee.catalog.internal.domain;

import java.util.List;
import java.util.Set;

/**
 * A viewer's search, already checked: every field is valid or null (no criterion).
 *
 * @param text words of a title (prefixes and typos are tolerated), or null for browsing
 * @param categories any of these categories (empty: all)
 * @param durationMinMinutes shortest title, in whole minutes
 * @param maturityRatings titles with one of these ratings (empty: all the profile may see)
 * @param viewerRegion the viewer's country (ISO 3166-1 alpha-2), or null when unknown: then only
 *     titles licensed everywhere
 * @param maturityCap ratings the profile may see (the profile's cap and everything below it)
 * @param offset where the page starts (from the cursor)
 * @param castMember a person in the cast or crew (the whole name, any case), or null
 */
public record SearchQuery(
    String text,
    List<String> categories,
    String language,
    Integer yearFrom,
    Integer yearTo,
    Integer durationMinMinutes,
    Integer durationMaxMinutes,
    Set<String> maturityRatings,
    Sort sort,
    int limit,
    int offset,
    String viewerRegion,
    Set<String> maturityCap,
    String castMember) {

  /** How results are ordered. */
  public enum Sort {
    RELEVANCE,
    NEWEST,
    POPULARITY
  }
}
