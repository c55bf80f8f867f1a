package dev.marquee.catalog.internal.admin;

import java.time.Instant;
import java.util.List;

/** A title as admins edit it; {@code version} is its ETag. */
public record AdminTitle(
    String id,
    long version,
    String state,
    String name,
    String synopsis,
    String language,
    String category,
    String maturityRating,
    int releaseYear,
    Licence licence,
    Prices prices,
    List<String> audioLanguages,
    List<String> subtitleLanguages,
    List<Credit> credits,
    Episode episode,
    String posterKey,
    String backdropKey,
    Long durationMillis) {

  /** Where and when it may be watched. */
  public record Licence(
      List<String> regions,
      Instant availableFrom,
      Instant availableUntil,
      boolean offlineAllowed) {}

  /** Rent and buy prices in minor units of the currency (null: not for rent, or not for sale). */
  public record Prices(Integer rentCents, Integer buyCents, String currency) {}

  /** A person in the cast or crew, in billing order. */
  public record Credit(String person, String role, String character) {}

  /** Its place in a series. */
  public record Episode(String seriesId, int season, int episode) {}
}
