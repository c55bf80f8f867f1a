package dev.marquee.playback.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.internal.domain.AuditCursor;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditPagingTest {
  @Test
  void aCursorNamesTheLastDecisionShownAndReadsBackTheSame() {
    AuditCursor last = new AuditCursor(Instant.parse("2026-12-05T08:30:00.123456Z"), 4711);
    String next = last.encode();
    assertThat(next).doesNotContain("|").doesNotContain("=");
    assertThat(AuditCursor.decode(next)).isEqualTo(last);
    assertThat(AuditCursor.decode(" ")).isNull();
    assertThat(AuditCursor.decode(null)).isNull();
  }

  @Test
  void aCursorNoPageGaveIsRefusedByName() {
    for (String forged : new String[] {"not-base64!", "MjAyNg", "eHx5fHo"}) {
      assertThatThrownBy(() -> AuditCursor.decode(forged))
          .as(forged)
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.type()).isEqualTo("invalid-cursor"));
    }
  }

  @Test
  void theOutcomeIsGrantedOrDeniedInAnyCaseOrNotFiltered() {
    assertThat(LicenceAuditStore.outcome(null)).isNull();
    assertThat(LicenceAuditStore.outcome("")).isNull();
    assertThat(LicenceAuditStore.outcome(" denied ")).isEqualTo("DENIED");
    assertThat(LicenceAuditStore.outcome("Granted")).isEqualTo("GRANTED");
    assertThatThrownBy(() -> LicenceAuditStore.outcome("MAYBE"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.type()).isEqualTo("invalid-query");
            });
  }
}
