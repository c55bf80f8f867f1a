package dev.marquee.platform.internal.rest;

import jakarta.json.stream.JsonParsingException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a JSON body in the client's terms: which field, and what it should hold
 * ("Field 'age' must be a whole number."), or where the JSON stops being JSON. Never a Java type or
 * a parser's internals.
 */
final class JsonBodyProblems {
  private static final Pattern FIELD = Pattern.compile("deserialize property '([^']{1,100})'");
  private static final Pattern TYPE =
      Pattern.compile("(?:processing type: (?:class|interface) |into type: )([\\w.$]+)");
  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry("java.lang.String", "text"),
          Map.entry("int", "a whole number"),
          Map.entry("java.lang.Integer", "a whole number"),
          Map.entry("long", "a whole number"),
          Map.entry("java.lang.Long", "a whole number"),
          Map.entry("short", "a whole number"),
          Map.entry("double", "a number"),
          Map.entry("java.lang.Double", "a number"),
          Map.entry("float", "a number"),
          Map.entry("java.math.BigDecimal", "a number"),
          Map.entry("boolean", "true or false"),
          Map.entry("java.lang.Boolean", "true or false"),
          Map.entry("java.util.List", "a list (a JSON array)"),
          Map.entry("java.util.Set", "a list (a JSON array)"),
          Map.entry("java.util.Collection", "a list (a JSON array)"),
          Map.entry("java.util.Map", "an object"),
          Map.entry("java.util.UUID", "a UUID"),
          Map.entry("java.time.Instant", "a date and time (ISO 8601)"),
          Map.entry("java.time.OffsetDateTime", "a date and time (ISO 8601)"),
          Map.entry("java.time.LocalDate", "a date (ISO 8601)"));

  private JsonBodyProblems() {}

  static String describe(Throwable failure) {
    String field = null;
    String expected = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof JsonParsingException parsing && parsing.getLocation() != null) {
        return "The body is not valid JSON (line "
            + parsing.getLocation().getLineNumber()
            + ", column "
            + parsing.getLocation().getColumnNumber()
            + ").";
      }
      String message = t.getMessage() == null ? "" : t.getMessage();
      Matcher f = FIELD.matcher(message);
      if (field == null && f.find()) {
        field = f.group(1);
      }
      Matcher type = TYPE.matcher(message);
      if (expected == null && type.find()) {
        expected = expectedFor(type.group(1).replaceAll("\\.+$", ""));
      }
      if (expected == null && message.contains("Invalid UUID")) {
        expected = "a UUID";
      }
      if (expected == null && message.toLowerCase(Locale.ROOT).contains("date")) {
        expected = "a date and time (ISO 8601)";
      }
    }
    if (field == null) {
      return expected == null || "an object".equals(expected)
          ? "The body must be a JSON object with the fields this operation takes."
          : "A field must be " + expected + ".";
    }
    return "Field '"
        + field
        + "' must be "
        + (expected == null ? "of another kind" : expected)
        + ".";
  }

  private static String expectedFor(String javaType) {
    String known = EXPECTED.get(javaType);
    if (known != null) {
      return known;
    }
    return javaType.startsWith("java.") ? "of another kind" : "an object";
  }
}
