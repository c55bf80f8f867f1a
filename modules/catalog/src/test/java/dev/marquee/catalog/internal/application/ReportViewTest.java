package dev.marquee.catalog.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.catalog.api.ReportView;
import dev.marquee.catalog.internal.domain.Report;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportViewTest {
  private final UUID id = UUID.randomUUID();
  private final UUID title = UUID.randomUUID();
  private final UUID account = UUID.randomUUID();
  private final Instant at = Instant.parse("2026-12-05T08:00:00Z");

  @Test
  void anOpenReportHasNoDecisionYet() {
    ReportView v =
        DefaultCatalogFacade.view(
            new Report(
                id.toString(),
                title.toString(),
                "Night Train",
                account.toString(),
                "BROKEN",
                "Stutters",
                "OPEN",
                at,
                null,
                null,
                null));
    assertThat(v.id()).isEqualTo(id);
    assertThat(v.titleId().value()).isEqualTo(title);
    assertThat(v.accountId()).isEqualTo(account);
    assertThat(v.state()).isEqualTo("OPEN");
    assertThat(v.resolvedBy()).isNull();
    assertThat(v.resolvedAt()).isNull();
  }

  @Test
  void aResolvedReportNamesItsModerator() {
    UUID moderator = UUID.randomUUID();
    ReportView v =
        DefaultCatalogFacade.view(
            new Report(
                id.toString(),
                title.toString(),
                "Night Train",
                account.toString(),
                "ABUSIVE",
                "Offensive",
                "ACTIONED",
                at,
                moderator.toString(),
                at.plusSeconds(60),
                "Removed."));
    assertThat(v.resolvedBy()).isEqualTo(moderator);
    assertThat(v.resolvedAt()).isEqualTo(at.plusSeconds(60));
    assertThat(v.resolution()).isEqualTo("Removed.");
  }
}
