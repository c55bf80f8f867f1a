package dev.marquee.console.internal.web.licences;

import dev.marquee.console.internal.web.Cells;
import dev.marquee.console.internal.web.Csv;
import dev.marquee.playback.api.LicenceDecision;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/** Licence decisions as CSV rows, written by the console's {@link Csv} rules. */
final class CsvRows {
  static final String HEADER =
      "at,kind,outcome,rule,account_id,account_email,profile_id,device_id,security_level,"
          + "title_id,title_name,session_id,key_ids";

  private CsvRows() {}

  static String row(
      LicenceDecision d, Function<UUID, String> emails, Function<UUID, String> titles) {
    return Csv.row(
        Stream.of(
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
            Cells.text(d.keyIds())));
  }

  static String field(String value) {
    return Csv.field(value);
  }
}
