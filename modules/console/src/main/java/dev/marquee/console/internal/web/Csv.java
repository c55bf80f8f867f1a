package dev.marquee.console.internal.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The console's CSV downloads (RFC 4180: comma separated, CRLF line ends, a field quoted when it
 * holds a comma, a quote or a line break, quotes doubled). A field a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe.
 */
public final class Csv {
  public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
  public static final String LINE_END = "\r\n";

  private Csv() {}

  /** One line of fields, without its line end. */
  public static String row(Stream<String> fields) {
    return fields.map(Csv::field).collect(Collectors.joining(","));
  }

  public static String field(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
