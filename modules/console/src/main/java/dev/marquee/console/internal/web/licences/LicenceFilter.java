package dev.marquee.console.internal.web.licences;

import dev.marquee.playback.api.LicenceAuditQuery;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The licence audit's filters as an admin types them (a title id, an account's email or id, an
 * outcome, a rule, a range of UTC days, and an instant from which on, the dashboard's "last 24 h"),
 * shared by the page and its CSV export so the download holds exactly the rows the page filtered.
 * Blank fields do not filter.
 */
public record LicenceFilter(
    String title, String account, String outcome, String rule, String from, String to, String since)
    implements Serializable {

  /** Without {@code since}: days only. */
  public LicenceFilter(
      String title, String account, String outcome, String rule, String from, String to) {
    this(title, account, outcome, rule, from, to, null);
  }

  /** A field the admin filled in wrongly: which one and why. */
  public static class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public static LicenceFilter from(Map<String, String> parameters) {
    return new LicenceFilter(
        parameters.get("title"),
        parameters.get("account"),
        parameters.get("outcome"),
        parameters.get("rule"),
        parameters.get("from"),
        parameters.get("to"),
        parameters.get("since"));
  }

  /**
   * The drm query; {@code accountByEmail} finds the account an email names.
   *
   * @throws Invalid naming the field that cannot be read
   */
  public LicenceAuditQuery toQuery(Function<String, Optional<UUID>> accountByEmail) {
    UUID titleId = null;
    if (!blank(title)) {
      try {
        titleId = UUID.fromString(title.strip());
      } catch (IllegalArgumentException e) {
        throw new Invalid("title", "Title must be a title id (a UUID), not " + title.strip() + ".");
      }
    }
    UUID accountId = null;
    if (!blank(account)) {
      String a = account.strip();
      if (a.contains("@")) {
        accountId =
            accountByEmail
                .apply(a)
                .orElseThrow(() -> new Invalid("account", "No account has the email " + a + "."));
      } else {
        try {
          accountId = UUID.fromString(a);
        } catch (IllegalArgumentException e) {
          throw new Invalid("account", "Account must be an email or an account id, not " + a + ".");
        }
      }
    }
    String o = blank(outcome) ? null : outcome.strip().toUpperCase(Locale.ROOT);
    if (o != null && !o.equals("GRANTED") && !o.equals("DENIED")) {
      throw new Invalid("outcome", "Outcome must be GRANTED or DENIED, not " + outcome + ".");
    }
    LocalDate first = day("from", from);
    LocalDate last = day("to", to);
    if (first != null && last != null && first.isAfter(last)) {
      throw new Invalid("from", "From must not be after to.");
    }
    Instant start = first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant after = instant("since", since);
    if (after != null && (start == null || after.isAfter(start))) {
      start = after;
    }
    return new LicenceAuditQuery(
        titleId,
        accountId,
        o,
        blank(rule) ? null : rule.strip(),
        start,
        last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The filled-in fields as a URL query (for the CSV link), empty when none is. */
  public String queryString() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("account", account);
    fields.put("outcome", outcome);
    fields.put("rule", rule);
    fields.put("from", from);
    fields.put("to", to);
    fields.put("since", since);
    return fields.entrySet().stream()
        .filter(e -> !blank(e.getValue()))
        .map(
            e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Instant instant(String field, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new Invalid(
          field, "An instant is written YYYY-MM-DDTHH:MM:SSZ (UTC), not " + value.strip() + ".");
    }
  }

  private static LocalDate day(String field, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new Invalid(field, "A day is written YYYY-MM-DD, not " + value.strip() + ".");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
