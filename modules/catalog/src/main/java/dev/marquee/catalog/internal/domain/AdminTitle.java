package dev.marquee.catalog.internal.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A title as admins edit it; {@code version} is its ETag. The constraints are the rules an edit
 * must keep (checked with Bean Validation after the patch is merged, {@link TitlePatch}); the rules
 * every title follows from ingest on are {@code MetadataRules}'.
 */
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
    @Valid Licence licence,
    @Valid Prices prices,
    @Size(max = 30, message = "may list at most 30 languages") List<String> audioLanguages,
    @Size(max = 30, message = "may list at most 30 languages") List<String> subtitleLanguages,
    @Size(max = MAX_CREDITS, message = "may list at most 200 people") List<@Valid Credit> credits,
    @Valid Episode episode,
    String posterKey,
    String backdropKey,
    Long durationMillis) {

  static final int MAX_CREDITS = 200;
  static final String CENTS = "must be a whole number of minor units from 0 to 10000000";

  /** Where and when it may be watched. */
  public record Licence(
      List<String> regions,
      Instant availableFrom,
      Instant availableUntil,
      boolean offlineAllowed) {}

  /** Rent and buy prices in minor units of the currency (null: not for rent, or not for sale). */
  public record Prices(
      @Min(value = 0, message = CENTS) @Max(value = 10_000_000, message = CENTS) Integer rentCents,
      @Min(value = 0, message = CENTS) @Max(value = 10_000_000, message = CENTS) Integer buyCents,
      String currency) {}

  /** A person in the cast or crew, in billing order. */
  public record Credit(
      @NotBlank(message = "must be a name of 1 to 200 characters")
          @Size(max = 200, message = "must be a name of 1 to 200 characters")
          String person,
      @Pattern(
              regexp = "ACTOR|COMPOSER|DIRECTOR|PRODUCER|WRITER",
              message = "must be one of [ACTOR, COMPOSER, DIRECTOR, PRODUCER, WRITER]")
          String role,
      @Size(max = 200, message = "must have at most 200 characters") String character) {}

  /** Its place in a series. */
  public record Episode(
      @Pattern(
              regexp =
                  "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
              message = "must be a series id")
          String seriesId,
      @Min(value = 1, message = "must be a whole number from 1 to 1000")
          @Max(value = 1000, message = "must be a whole number from 1 to 1000")
          int season,
      @Min(value = 1, message = "must be a whole number from 1 to 10000")
          @Max(value = 10_000, message = "must be a whole number from 1 to 10000")
          int episode) {}
}
