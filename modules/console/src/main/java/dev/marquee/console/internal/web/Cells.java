package dev.marquee.console.internal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table row for a page as a map of named, already formatted cells (Faces EL reads map keys;
 * record accessors it does not). Nulls become empty cells.
 */
public final class Cells {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Cells() {}

  /** Name, value, name, value... */
  public static Map<String, String> of(Object... namesAndValues) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], text(namesAndValues[i + 1]));
    }
    return row;
  }

  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof Instant t ? UTC.format(t) : value.toString();
  }
}
