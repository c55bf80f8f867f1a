package dev.marquee.console.internal.licences;

import dev.marquee.console.internal.web.Cells;
import dev.marquee.drm.api.LicenceDecision;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Licence decisions as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds
 * a comma, a quote or a line break, quotes doubled). A field a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe.
 */
final class CsvRows {
  static final String HEADER =
      "at,kind,outcome,rule,account_id,account_email,profile_id,device_id,security_level,"
          + "title_id,title_name,session_id,key_ids";

  private CsvRows() {}

  static String row(
      LicenceDecision d, Function<UUID, String> emails, Function<UUID, String> titles) {
    return Stream.of(
            d.at().toString(),
            d.kind(),
            d.outcome(),
            d.rule(),
            Cells.text(d.accountId()),
            d.accountId() == null ? "" : emails.apply(d.accountId()),
            Cells.text(d.profileId()),
            Cells.text(d.deviceId()),
            Cells.text(d.securityLevel()),
            Cells.text(d.titleId()),
            d.titleId() == null ? "" : titles.apply(d.titleId()),
            Cells.text(d.sessionId()),
            Cells.text(d.keyIds()))
        .map(CsvRows::field)
        .collect(Collectors.joining(","));
  }

  static String field(String value) {
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
