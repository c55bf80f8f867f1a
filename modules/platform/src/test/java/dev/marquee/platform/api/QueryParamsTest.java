package dev.marquee.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
  private static final LocalDate FALLBACK = LocalDate.of(2026, 1, 1);

  @Test
  void anAbsentDateIsTheFallbackAndAPresentOneIsRead() {
    assertThat(QueryParams.date("from", null, FALLBACK)).isEqualTo(FALLBACK);
    assertThat(QueryParams.date("from", " ", FALLBACK)).isEqualTo(FALLBACK);
    assertThat(QueryParams.date("from", " 2026-11-29 ", FALLBACK))
        .isEqualTo(LocalDate.of(2026, 11, 29));
  }

  @Test
  void aDateThatDoesNotExistIsA400NamingTheParameter() {
    ProblemException e =
        catchThrowableOfType(
            () -> QueryParams.date("until", "2026-02-30", FALLBACK), ProblemException.class);

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.type()).isEqualTo("invalid-date");
    assertThat(e.detail()).startsWith("until ").contains("2026-02-30");
  }
}
