package dev.marquee.catalog.internal.domain;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.platform.api.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The editable part of an {@link AdminTitle} as the JSON document an admin's merge patch applies
 * to, and back: reading the patched document checks each member's JSON type (naming the field) and
 * normalises values as ingest does; the value rules are the constraints on {@link AdminTitle}.
 */
public final class TitleDocument {
  private TitleDocument() {}

  public static JsonObject of(AdminTitle t) {
    JsonObjectBuilder licence =
        Json.createObjectBuilder()
            .add("regions", strings(t.licence().regions()))
            .add("offlineAllowed", t.licence().offlineAllowed());
    optional(licence, "availableFrom", t.licence().availableFrom());
    optional(licence, "availableUntil", t.licence().availableUntil());
    JsonObjectBuilder prices = Json.createObjectBuilder();
    if (t.prices().rentCents() != null) {
      prices.add("rentCents", t.prices().rentCents());
    }
    if (t.prices().buyCents() != null) {
      prices.add("buyCents", t.prices().buyCents());
    }
    optional(prices, "currency", t.prices().currency());
    JsonArrayBuilder credits = Json.createArrayBuilder();
    for (AdminTitle.Credit c : t.credits()) {
      JsonObjectBuilder credit =
          Json.createObjectBuilder().add("person", c.person()).add("role", c.role());
      optional(credit, "character", c.character());
      credits.add(credit);
    }
    JsonObjectBuilder document =
        Json.createObjectBuilder()
            .add("state", t.state())
            .add("name", t.name())
            .add("synopsis", t.synopsis())
            .add("language", t.language())
            .add("category", t.category())
            .add("maturityRating", t.maturityRating())
            .add("releaseYear", t.releaseYear())
            .add("licence", licence)
            .add("prices", prices)
            .add("audioLanguages", strings(t.audioLanguages()))
            .add("subtitleLanguages", strings(t.subtitleLanguages()))
            .add("credits", credits);
    if (t.episode() != null) {
      document.add(
          "episode",
          Json.createObjectBuilder()
              .add("seriesId", t.episode().seriesId())
              .add("season", t.episode().season())
              .add("episode", t.episode().episode()));
    }
    return document.build();
  }

  /** The patched document {@code d} as {@code t}'s new form (id, version and artwork kept). */
  public static AdminTitle read(AdminTitle t, JsonObject d) {
    JsonObject licence = object(d, "licence");
    return new AdminTitle(
        t.id(),
        t.version(),
        string(d, "state").toUpperCase(Locale.ROOT),
        string(d, "name").strip(),
        string(d, "synopsis"),
        string(d, "language").toLowerCase(Locale.ROOT),
        string(d, "category").toLowerCase(Locale.ROOT),
        rating(string(d, "maturityRating")),
        integer(d, "releaseYear"),
        new AdminTitle.Licence(
            regions(licence),
            instant(licence, "availableFrom"),
            instant(licence, "availableUntil"),
            bool(licence, "offlineAllowed", "licence.offlineAllowed")),
        prices(d.get("prices")),
        languages(d, "audioLanguages"),
        languages(d, "subtitleLanguages"),
        credits(d.get("credits")),
        episode(d.get("episode")),
        t.posterKey(),
        t.backdropKey(),
        t.durationMillis());
  }

  private static List<String> regions(JsonObject licence) {
    List<String> regions = new ArrayList<>();
    for (JsonValue v : array(licence.get("regions"), "licence.regions")) {
      regions.add(text(v, "licence.regions").strip().toUpperCase(Locale.ROOT));
    }
    return List.copyOf(regions);
  }

  private static AdminTitle.Prices prices(JsonValue value) {
    if (value == null) {
      return new AdminTitle.Prices(null, null, null);
    }
    if (!(value instanceof JsonObject p)) {
      throw TitlePatch.invalid("prices", "must be an object");
    }
    Integer rent = cents(p, "rentCents");
    Integer buy = cents(p, "buyCents");
    String currency = null;
    if (p.containsKey("currency")) {
      currency =
          p.get("currency") instanceof JsonString s
              ? s.getString().strip().toUpperCase(Locale.ROOT)
              : "";
      try {
        Currency.getInstance(currency);
      } catch (IllegalArgumentException e) {
        throw TitlePatch.invalid("prices.currency", "must be an ISO 4217 code such as EUR or GBP");
      }
    }
    if ((rent != null || buy != null) && currency == null) {
      throw TitlePatch.invalid("prices.currency", "is required with a price");
    }
    return new AdminTitle.Prices(rent, buy, currency);
  }

  /** Whole minor units; out of range values are left to the constraint, which names the range. */
  private static Integer cents(JsonObject prices, String field) {
    if (!prices.containsKey(field)) {
      return null;
    }
    if (!(prices.get(field) instanceof JsonNumber n)
        || !n.isIntegral()
        || n.longValue() < Integer.MIN_VALUE
        || n.longValue() > Integer.MAX_VALUE) {
      throw TitlePatch.invalid("prices." + field, AdminTitle.CENTS);
    }
    return n.intValue();
  }

  private static List<String> languages(JsonObject d, String field) {
    if (!d.containsKey(field)) {
      return List.of();
    }
    Set<String> codes = new LinkedHashSet<>();
    for (JsonValue v : array(d.get(field), field)) {
      String code = text(v, field).strip().toLowerCase(Locale.ROOT);
      if (!MetadataRules.isLanguage(code)) {
        throw ProblemException.badRequest(
            "unknown-language", field + ": " + code + " is not an ISO 639-1 or 639-2 code.");
      }
      codes.add(code);
    }
    return List.copyOf(codes);
  }

  private static List<AdminTitle.Credit> credits(JsonValue value) {
    if (value == null) {
      return List.of();
    }
    List<AdminTitle.Credit> credits = new ArrayList<>();
    JsonArray array = array(value, "credits");
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject c)) {
        throw TitlePatch.invalid("credits[" + i + "]", "must be an object");
      }
      String character = lenient(c, "character");
      credits.add(
          new AdminTitle.Credit(
              lenient(c, "person"),
              lenient(c, "role").toUpperCase(Locale.ROOT),
              character.isEmpty() ? null : character));
    }
    return credits;
  }

  private static AdminTitle.Episode episode(JsonValue value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject e)) {
      throw TitlePatch.invalid("episode", "must be an object or null");
    }
    return new AdminTitle.Episode(lenient(e, "seriesId"), whole(e, "season"), whole(e, "episode"));
  }

  /** A string member stripped, "" when absent or not a string (the constraints then refuse it). */
  private static String lenient(JsonObject o, String field) {
    return o.get(field) instanceof JsonString s ? s.getString().strip() : "";
  }

  /** A whole number member, 0 when absent or not one (the constraints then refuse it). */
  private static int whole(JsonObject o, String field) {
    return o.get(field) instanceof JsonNumber n && n.isIntegral() && n.longValue() == n.intValue()
        ? n.intValue()
        : 0;
  }

  private static String rating(String value) {
    return Ratings.parse(value)
        .map(MaturityRating::label)
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "invalid-maturity-rating",
                    "maturityRating " + value + " is not one of ALL, 7+, 13+, 16+, 18+."));
  }

  private static String string(JsonObject o, String field) {
    if (!(o.get(field) instanceof JsonString s)) {
      throw TitlePatch.invalid(field, "must be a string");
    }
    return s.getString();
  }

  private static String text(JsonValue v, String field) {
    if (!(v instanceof JsonString s)) {
      throw TitlePatch.invalid(field, "must hold strings");
    }
    return s.getString();
  }

  private static int integer(JsonObject o, String field) {
    if (!(o.get(field) instanceof JsonNumber n) || !n.isIntegral()) {
      throw TitlePatch.invalid(field, "must be a whole number");
    }
    return n.intValue();
  }

  private static boolean bool(JsonObject o, String field, String name) {
    JsonValue v = o.get(field);
    if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
      throw TitlePatch.invalid(name, "must be true or false");
    }
    return v == JsonValue.TRUE;
  }

  private static JsonObject object(JsonObject o, String field) {
    if (!(o.get(field) instanceof JsonObject v)) {
      throw TitlePatch.invalid(field, "must be an object");
    }
    return v;
  }

  private static JsonArray array(JsonValue value, String name) {
    if (!(value instanceof JsonArray v)) {
      throw TitlePatch.invalid(name, "must be an array");
    }
    return v;
  }

  private static Instant instant(JsonObject licence, String field) {
    if (!licence.containsKey(field)) {
      return null;
    }
    try {
      return Instant.parse(string(licence, field));
    } catch (DateTimeParseException | ProblemException e) {
      throw TitlePatch.invalid(
          "licence." + field, "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
    }
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static void optional(JsonObjectBuilder b, String field, Object value) {
    if (value != null) {
      b.add(field, value.toString());
    }
  }
}
