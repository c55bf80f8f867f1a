package dev.marquee.catalog.internal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.api.ProblemException;
import org.junit.jupiter.api.Test;

class ReportStatesTest {
  @Test
  void theQueueStateIsOneOfThreeInAnyCaseAndOpenWhenNotGiven() {
    assertThat(Reports.state(null)).isEqualTo("OPEN");
    assertThat(Reports.state(" ")).isEqualTo("OPEN");
    assertThat(Reports.state("dismissed")).isEqualTo("DISMISSED");
    assertThat(Reports.state(" Actioned ")).isEqualTo("ACTIONED");
    assertThatThrownBy(() -> Reports.state("CLOSED"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.type()).isEqualTo("invalid-state");
            });
  }
}
