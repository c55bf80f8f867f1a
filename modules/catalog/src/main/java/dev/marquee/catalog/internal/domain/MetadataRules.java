package dev.marquee.catalog.internal.domain;

import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.NewTitle;
import dev.marquee.platform.api.ProblemException;
import java.time.Year;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The rules a title's metadata must meet; each broken rule names its field. */
public final class MetadataRules {
  /** ISO 639-1 codes and their ISO 639-2 forms, as the JDK knows them. */
  private static final Set<String> LANGUAGES =
      Arrays.stream(Locale.getISOLanguages())
          .flatMap(code -> Stream.of(code, new Locale(code).getISO3Language()))
          .collect(Collectors.toUnmodifiableSet());

  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

  /** The first feature film is from 1888; nothing is released more than two years ahead. */
  private static final int FIRST_YEAR = 1888;

  private MetadataRules() {}

  public static void check(NewTitle title) {
    require(title.name() != null && !title.name().isBlank(), "invalid-name", "name is required.");
    require(title.name().length() <= 200, "invalid-name", "name must have at most 200 characters.");
    require(
        title.synopsis() == null || title.synopsis().length() <= 4000,
        "invalid-synopsis",
        "synopsis must have at most 4000 characters.");
    require(
        title.language() != null && isLanguage(title.language()),
        "unknown-language",
        "language " + title.language() + " is not an ISO 639-1 or ISO 639-2 code (e.g. en, eng).");
    require(
        title.maturityRating() != null, "invalid-maturity-rating", "maturityRating is required.");
    int latest = Year.now().getValue() + 2;
    require(
        title.releaseYear() >= FIRST_YEAR && title.releaseYear() <= latest,
        "invalid-release-year",
        "releaseYear must be between " + FIRST_YEAR + " and " + latest + ".");
    checkLicence(title.licence());
  }

  public static boolean isLanguage(String code) {
    return LANGUAGES.contains(code.strip().toLowerCase(Locale.ROOT));
  }

  private static void checkLicence(LicenceTerms licence) {
    require(licence != null, "invalid-licence", "licence terms are required.");
    require(
        !licence.regions().isEmpty(),
        "invalid-licence",
        "licence.regions must name at least one region.");
    for (String region : licence.regions()) {
      require(
          region != null && (region.equals("WORLD") || REGIONS.contains(region)),
          "unknown-region",
          "licence region " + region + " is not an ISO 3166-1 alpha-2 code or WORLD.");
    }
    require(
        licence.availableFrom() != null, "invalid-licence", "licence.availableFrom is required.");
    require(
        licence.availableUntil() == null
            || licence.availableUntil().isAfter(licence.availableFrom()),
        "invalid-licence",
        "licence.availableUntil must be after licence.availableFrom.");
  }

  private static void require(boolean condition, String type, String detail) {
    if (!condition) {
      throw ProblemException.badRequest(type, detail);
    }
  }
}
