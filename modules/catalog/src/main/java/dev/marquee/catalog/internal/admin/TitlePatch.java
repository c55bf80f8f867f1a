package dev.marquee.catalog.internal.admin;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.NewTitle;
import dev.marquee.catalog.internal.domain.MetadataRules;
import dev.marquee.platform.api.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A JSON merge patch (RFC 7396) of an {@link AdminTitle}: a member sets a field, {@code null}
 * clears it where that means something, absent members stay. Every value is checked; the first
 * problem is a 400 naming the field.
 */
final class TitlePatch {
  static final Set<String> FIELDS =
      Set.of(
          "state",
          "name",
          "synopsis",
          "language",
          "category",
          "maturityRating",
          "releaseYear",
          "licence",
          "prices",
          "audioLanguages",
          "subtitleLanguages",
          "credits",
          "episode");
  static final Set<String> ROLES = Set.of("ACTOR", "DIRECTOR", "WRITER", "PRODUCER", "COMPOSER");
  static final int MAX_CREDITS = 200;

  private TitlePatch() {}

  static AdminTitle apply(AdminTitle t, JsonObject patch) {
    for (String key : patch.keySet()) {
      if (!FIELDS.contains(key)) {
        throw invalid(
            key, "is not a field admins edit (one of " + new java.util.TreeSet<>(FIELDS) + ")");
      }
    }
    String state =
        patch.containsKey("state") ? state(t.state(), string(patch, "state")) : t.state();
    String name = patch.containsKey("name") ? string(patch, "name") : t.name();
    String synopsis = patch.containsKey("synopsis") ? string(patch, "synopsis") : t.synopsis();
    String language =
        patch.containsKey("language")
            ? string(patch, "language").toLowerCase(Locale.ROOT)
            : t.language();
    String category =
        patch.containsKey("category")
            ? string(patch, "category").toLowerCase(Locale.ROOT)
            : t.category();
    String rating =
        patch.containsKey("maturityRating")
            ? rating(string(patch, "maturityRating"))
            : t.maturityRating();
    int year = patch.containsKey("releaseYear") ? integer(patch, "releaseYear") : t.releaseYear();
    AdminTitle.Licence licence =
        patch.containsKey("licence") ? licence(t.licence(), object(patch, "licence")) : t.licence();
    AdminTitle.Prices prices =
        patch.containsKey("prices") ? prices(t.prices(), patch.get("prices")) : t.prices();
    List<String> audio =
        patch.containsKey("audioLanguages")
            ? languages(patch, "audioLanguages")
            : t.audioLanguages();
    List<String> subtitles =
        patch.containsKey("subtitleLanguages")
            ? languages(patch, "subtitleLanguages")
            : t.subtitleLanguages();
    List<AdminTitle.Credit> credits =
        patch.containsKey("credits") ? credits(patch.get("credits")) : t.credits();
    AdminTitle.Episode episode =
        patch.containsKey("episode") ? episode(patch.get("episode")) : t.episode();

    // The rules every title follows, as at ingest.
    MetadataRules.check(
        new NewTitle(
            new AccountId(new UUID(0, 0)),
            name,
            synopsis,
            language,
            category,
            MaturityRating.fromLabel(rating).orElseThrow(),
            year,
            new LicenceTerms(
                Set.copyOf(licence.regions()),
                licence.availableFrom(),
                licence.availableUntil(),
                licence.offlineAllowed())));
    return new AdminTitle(
        t.id(),
        t.version(),
        state,
        name.strip(),
        synopsis,
        language,
        category,
        rating,
        year,
        licence,
        prices,
        audio,
        subtitles,
        credits,
        episode,
        t.posterKey(),
        t.backdropKey(),
        t.durationMillis());
  }

  /** What changed, field by field: {from, to}. */
  static Map<String, Object> diff(AdminTitle before, AdminTitle after) {
    Map<String, Object> changes = new java.util.LinkedHashMap<>();
    compare(changes, "state", before.state(), after.state());
    compare(changes, "name", before.name(), after.name());
    compare(changes, "synopsis", before.synopsis(), after.synopsis());
    compare(changes, "language", before.language(), after.language());
    compare(changes, "category", before.category(), after.category());
    compare(changes, "maturityRating", before.maturityRating(), after.maturityRating());
    compare(changes, "releaseYear", before.releaseYear(), after.releaseYear());
    compare(changes, "licence", before.licence(), after.licence());
    compare(changes, "prices", before.prices(), after.prices());
    compare(changes, "audioLanguages", before.audioLanguages(), after.audioLanguages());
    compare(changes, "subtitleLanguages", before.subtitleLanguages(), after.subtitleLanguages());
    compare(changes, "credits", before.credits(), after.credits());
    compare(changes, "episode", before.episode(), after.episode());
    return changes;
  }

  private static void compare(Map<String, Object> changes, String field, Object from, Object to) {
    if (!java.util.Objects.equals(from, to)) {
      Map<String, Object> change = new java.util.LinkedHashMap<>();
      change.put("from", from);
      change.put("to", to);
      changes.put(field, change);
    }
  }

  private static String state(String current, String wanted) {
    String s = wanted.toUpperCase(Locale.ROOT);
    if (!s.equals("PUBLISHED") && !s.equals("UNPUBLISHED")) {
      throw invalid("state", "may be set to PUBLISHED or UNPUBLISHED");
    }
    if (!current.equals(s) && !Set.of("PUBLISHED", "UNPUBLISHED").contains(current)) {
      throw ProblemException.conflict(
          "not-transcoded", "The title is " + current + ": it can be published once transcoded.");
    }
    return s;
  }

  private static String rating(String value) {
    return dev.marquee.catalog.internal.domain.Ratings.parse(value)
        .map(MaturityRating::label)
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "invalid-maturity-rating",
                    "maturityRating " + value + " is not one of ALL, 7+, 13+, 16+, 18+."));
  }

  private static AdminTitle.Licence licence(AdminTitle.Licence current, JsonObject patch) {
    List<String> regions = current.regions();
    if (patch.containsKey("regions")) {
      regions = new ArrayList<>();
      for (JsonValue v : array(patch, "regions", "licence.regions")) {
        regions.add(text(v, "licence.regions").strip().toUpperCase(Locale.ROOT));
      }
    }
    Instant from =
        patch.containsKey("availableFrom")
            ? instant(patch, "availableFrom")
            : current.availableFrom();
    Instant until = current.availableUntil();
    if (patch.containsKey("availableUntil")) {
      until = patch.isNull("availableUntil") ? null : instant(patch, "availableUntil");
    }
    boolean offline = current.offlineAllowed();
    if (patch.containsKey("offlineAllowed")) {
      JsonValue v = patch.get("offlineAllowed");
      if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
        throw invalid("licence.offlineAllowed", "must be true or false");
      }
      offline = v == JsonValue.TRUE;
    }
    return new AdminTitle.Licence(List.copyOf(regions), from, until, offline);
  }

  private static AdminTitle.Prices prices(AdminTitle.Prices current, JsonValue value) {
    if (value == JsonValue.NULL) {
      return new AdminTitle.Prices(null, null, null);
    }
    if (!(value instanceof JsonObject patch)) {
      throw invalid("prices", "must be an object");
    }
    Integer rent = current.rentCents();
    Integer buy = current.buyCents();
    String currency = current.currency();
    if (patch.containsKey("rentCents")) {
      rent = patch.isNull("rentCents") ? null : cents(patch, "rentCents");
    }
    if (patch.containsKey("buyCents")) {
      buy = patch.isNull("buyCents") ? null : cents(patch, "buyCents");
    }
    if (patch.containsKey("currency")) {
      currency =
          patch.isNull("currency")
              ? null
              : patch.get("currency") instanceof JsonString s
                  ? s.getString().strip().toUpperCase(Locale.ROOT)
                  : null;
      if (!patch.isNull("currency")) {
        try {
          Currency.getInstance(currency == null ? "" : currency);
        } catch (IllegalArgumentException e) {
          throw invalid("prices.currency", "must be an ISO 4217 code such as EUR or GBP");
        }
      }
    }
    if ((rent != null || buy != null) && currency == null) {
      throw invalid("prices.currency", "is required with a price");
    }
    return new AdminTitle.Prices(rent, buy, currency);
  }

  private static int cents(JsonObject o, String field) {
    if (!(o.get(field) instanceof JsonNumber n)
        || !n.isIntegral()
        || n.longValue() < 0
        || n.longValue() > 100_000_00L) {
      throw invalid("prices." + field, "must be a whole number of minor units from 0 to 10000000");
    }
    return n.intValue();
  }

  private static List<String> languages(JsonObject patch, String field) {
    if (patch.isNull(field)) {
      return List.of();
    }
    Set<String> codes = new LinkedHashSet<>();
    for (JsonValue v : array(patch, field, field)) {
      String code = text(v, field).strip().toLowerCase(Locale.ROOT);
      if (!MetadataRules.isLanguage(code)) {
        throw ProblemException.badRequest(
            "unknown-language", field + ": " + code + " is not an ISO 639-1 or 639-2 code.");
      }
      codes.add(code);
    }
    if (codes.size() > 30) {
      throw invalid(field, "may list at most 30 languages");
    }
    return List.copyOf(codes);
  }

  private static List<AdminTitle.Credit> credits(JsonValue value) {
    if (value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw invalid("credits", "must be an array");
    }
    if (array.size() > MAX_CREDITS) {
      throw invalid("credits", "may list at most " + MAX_CREDITS + " people");
    }
    List<AdminTitle.Credit> credits = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "credits[" + i + "]";
      if (!(array.get(i) instanceof JsonObject c)) {
        throw invalid(at, "must be an object");
      }
      String person = c.get("person") instanceof JsonString s ? s.getString().strip() : "";
      if (person.isEmpty() || person.length() > 200) {
        throw invalid(at + ".person", "must be a name of 1 to 200 characters");
      }
      String role =
          c.get("role") instanceof JsonString s
              ? s.getString().strip().toUpperCase(Locale.ROOT)
              : "";
      if (!ROLES.contains(role)) {
        throw invalid(at + ".role", "must be one of " + new java.util.TreeSet<>(ROLES));
      }
      String character = c.get("character") instanceof JsonString s ? s.getString().strip() : null;
      if (character != null && character.length() > 200) {
        throw invalid(at + ".character", "must have at most 200 characters");
      }
      credits.add(
          new AdminTitle.Credit(
              person, role, character == null || character.isEmpty() ? null : character));
    }
    return credits;
  }

  private static AdminTitle.Episode episode(JsonValue value) {
    if (value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonObject e)) {
      throw invalid("episode", "must be an object or null");
    }
    String series = e.get("seriesId") instanceof JsonString s ? s.getString().strip() : "";
    try {
      UUID.fromString(series);
    } catch (IllegalArgumentException ex) {
      throw invalid("episode.seriesId", "must be a series id");
    }
    int season = e.get("season") instanceof JsonNumber n && n.isIntegral() ? n.intValue() : -1;
    int number = e.get("episode") instanceof JsonNumber n && n.isIntegral() ? n.intValue() : -1;
    if (season < 1 || season > 1000) {
      throw invalid("episode.season", "must be a whole number from 1 to 1000");
    }
    if (number < 1 || number > 10000) {
      throw invalid("episode.episode", "must be a whole number from 1 to 10000");
    }
    return new AdminTitle.Episode(series, season, number);
  }

  private static String string(JsonObject o, String field) {
    if (!(o.get(field) instanceof JsonString s)) {
      throw invalid(field, "must be a string");
    }
    return s.getString();
  }

  private static String text(JsonValue v, String field) {
    if (!(v instanceof JsonString s)) {
      throw invalid(field, "must hold strings");
    }
    return s.getString();
  }

  private static int integer(JsonObject o, String field) {
    if (!(o.get(field) instanceof JsonNumber n) || !n.isIntegral()) {
      throw invalid(field, "must be a whole number");
    }
    return n.intValue();
  }

  private static JsonObject object(JsonObject o, String field) {
    if (!(o.get(field) instanceof JsonObject v)) {
      throw invalid(field, "must be an object");
    }
    return v;
  }

  private static JsonArray array(JsonObject o, String field, String name) {
    if (!(o.get(field) instanceof JsonArray v)) {
      throw invalid(name, "must be an array");
    }
    return v;
  }

  private static Instant instant(JsonObject o, String field) {
    try {
      return Instant.parse(string(o, field));
    } catch (DateTimeParseException e) {
      throw invalid("licence." + field, "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
    }
  }

  static ProblemException invalid(String field, String message) {
    return new ProblemException(
        400,
        "validation-failed",
        "Request validation failed",
        field + " " + message + ".",
        Map.of("errors", List.of(Map.of("field", field, "message", message))));
  }
}
