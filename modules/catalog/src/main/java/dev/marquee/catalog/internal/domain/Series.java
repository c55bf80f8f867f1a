package dev.marquee.catalog.internal.domain;

import java.util.List;

/** A series with its seasons, each with the episodes a viewer may open. */
public record Series(
    String id,
    String name,
    String synopsis,
    String category,
    String maturityRating,
    int releaseYear,
    List<Season> seasons) {

  /** One season. */
  public record Season(int number, List<Episode> episodes) {}

  /** One episode: a title. */
  public record Episode(int number, String titleId, String name, Long durationMillis) {}
}
