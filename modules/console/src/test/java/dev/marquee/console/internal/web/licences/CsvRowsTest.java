package dev.marquee.console.internal.web.licences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.playback.api.LicenceDecision;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
  @Test
  void aDecisionIsOneRowInTheHeadersOrderWithNamesBesideIds() {
    UUID account = UUID.randomUUID();
    UUID device = UUID.randomUUID();
    UUID title = UUID.randomUUID();
    LicenceDecision d =
        new LicenceDecision(
            7,
            Instant.parse("2026-12-05T08:30:00Z"),
            "STREAMING",
            "DENIED",
            "security-level",
            account,
            null,
            device,
            null,
            title,
            "k1,k2",
            "SOFTWARE");
    String row = CsvRows.row(d, a -> "viewer@example.com", t -> "Night Train, \"Redux\"");
    assertThat(row)
        .isEqualTo(
            "2026-12-05T08:30:00Z,STREAMING,DENIED,security-level,"
                + account
                + ",viewer@example.com,,"
                + device
                + ",SOFTWARE,"
                + title
                + ",\"Night Train, \"\"Redux\"\"\",,\"k1,k2\"");
    assertThat(row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
        .hasSize(CsvRows.HEADER.split(",").length);
  }

  @Test
  void fieldsASpreadsheetWouldRunAsFormulasAreDefused() {
    assertThat(CsvRows.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvRows.field("+1")).isEqualTo("'+1");
    assertThat(CsvRows.field("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(CsvRows.field("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    assertThat(CsvRows.field("plain")).isEqualTo("plain");
    assertThat(CsvRows.field(null)).isEmpty();
    assertThat(CsvRows.field("two\nlines")).isEqualTo("\"two\nlines\"");
  }
}
