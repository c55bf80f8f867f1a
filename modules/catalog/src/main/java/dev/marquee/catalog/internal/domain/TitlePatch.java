package dev.marquee.catalog.internal.domain;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.NewTitle;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.platform.api.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A JSON merge patch (RFC 7396) of an {@link AdminTitle}: JSON-P merges it into the title's
 * document ({@link TitleDocument}; a member sets a field, {@code null} removes it, absent members
 * stay, objects merge member by member, arrays are replaced), the result is read back with each
 * member's type checked, and Bean Validation checks it against {@link AdminTitle}'s constraints.
 * Every refusal is a 400 naming its fields.
 */
public final class TitlePatch {
  public static final Set<String> FIELDS =
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

  /** The states an admin may set, and the only ones a title may leave by a patch. */
  private static final Set<TitleState> SETTABLE_STATES =
      EnumSet.of(TitleState.PUBLISHED, TitleState.UNPUBLISHED);

  private TitlePatch() {}

  public static AdminTitle apply(AdminTitle t, JsonObject patch, Validator validator) {
    for (String key : patch.keySet()) {
      if (!FIELDS.contains(key)) {
        throw invalid(key, "is not a field admins edit (one of " + new TreeSet<>(FIELDS) + ")");
      }
    }
    JsonObject merged = Json.createMergePatch(patch).apply(TitleDocument.of(t)).asJsonObject();
    AdminTitle after = TitleDocument.read(t, merged);
    if (patch.containsKey("state")) {
      state(t.state(), after.state());
    }
    refuse(validator.validate(after));
    // The rules every title follows, as at ingest.
    MetadataRules.check(
        new NewTitle(
            new AccountId(new UUID(0, 0)),
            after.name(),
            after.synopsis(),
            after.language(),
            after.category(),
            MaturityRating.fromLabel(after.maturityRating()).orElseThrow(),
            after.releaseYear(),
            new LicenceTerms(
                Set.copyOf(after.licence().regions()),
                after.licence().availableFrom(),
                after.licence().availableUntil(),
                after.licence().offlineAllowed())));
    return after;
  }

  /** What changed, field by field: {from, to}. */
  public static Map<String, Object> diff(AdminTitle before, AdminTitle after) {
    Map<String, Object> changes = new LinkedHashMap<>();
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
    if (!Objects.equals(from, to)) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("from", from);
      change.put("to", to);
      changes.put(field, change);
    }
  }

  private static void state(String current, String wanted) {
    TitleState to = titleState(wanted);
    if (!SETTABLE_STATES.contains(to)) {
      throw invalid("state", "may be set to PUBLISHED or UNPUBLISHED");
    }
    TitleState from = titleState(current);
    if (from != to && !SETTABLE_STATES.contains(from)) {
      throw ProblemException.conflict(
          "not-transcoded", "The title is " + current + ": it can be published once transcoded.");
    }
  }

  /** The state a name stands for, null for a name that is no state. */
  private static TitleState titleState(String name) {
    for (TitleState s : TitleState.values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Every violated constraint, ordered by field; the detail names the first. */
  private static void refuse(Set<ConstraintViolation<AdminTitle>> violations) {
    if (violations.isEmpty()) {
      return;
    }
    List<Map<String, String>> errors =
        violations.stream()
            .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
            .distinct()
            .sorted(
                Comparator.comparing((Map<String, String> e) -> e.get("field"))
                    .thenComparing(e -> e.get("message")))
            .toList();
    Map<String, String> first = errors.get(0);
    throw new ProblemException(
        400,
        "validation-failed",
        "Request validation failed",
        first.get("field") + " " + first.get("message") + ".",
        Map.of("errors", errors));
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        400,
        "validation-failed",
        "Request validation failed",
        field + " " + message + ".",
        Map.of("errors", List.of(Map.of("field", field, "message", message))));
  }
}
