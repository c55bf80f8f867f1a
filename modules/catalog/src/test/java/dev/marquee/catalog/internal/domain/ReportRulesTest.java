package dev.marquee.catalog.internal.domain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.api.ProblemException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportRulesTest {
  @Test
  void theQueueStateIsOneOfThreeInAnyCaseAndOpenWhenNotGiven() {
    assertThat(ReportRules.state(null)).isEqualTo("OPEN");
    assertThat(ReportRules.state(" ")).isEqualTo("OPEN");
    assertThat(ReportRules.state("dismissed")).isEqualTo("DISMISSED");
    assertThat(ReportRules.state(" Actioned ")).isEqualTo("ACTIONED");
    assertThatThrownBy(() -> ReportRules.state("CLOSED"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.type()).isEqualTo("invalid-state");
            });
  }

  @Test
  void aPagesCursorLeadsBackToItsLastReport() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-05T08:00:00.123456Z");
    Report last =
        new Report(id.toString(), "t", "n", "a", "OTHER", "", "OPEN", at, null, null, null);
    assertThat(ReportRules.after(ReportRules.cursor(last)))
        .isEqualTo(new ReportRules.After(at, id));
    assertThat(ReportRules.after(null)).isNull();
    assertThat(ReportRules.after(" ")).isNull();
  }

  @Test
  void aCursorThatNoPageGaveIsRefused() {
    for (String forged :
        List.of(
            "nonsense",
            Base64.getUrlEncoder().encodeToString("2026-12-05T08:00:00Z".getBytes(UTF_8)),
            Base64.getUrlEncoder()
                .encodeToString(
                    ("+300000000-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(UTF_8)))) {
      assertThatThrownBy(() -> ReportRules.after(forged))
          .as(forged)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.type()).isEqualTo("invalid-cursor");
              });
    }
  }

  @Test
  void everyReasonAViewerMayGiveIsKnown() {
    assertThat(ReportRules.REASONS)
        .containsExactlyInAnyOrder("ABUSIVE", "COPYRIGHT", "WRONG_RATING", "BROKEN", "OTHER");
  }
}
