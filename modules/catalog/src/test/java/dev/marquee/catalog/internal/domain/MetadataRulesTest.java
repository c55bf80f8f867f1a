package dev.marquee.catalog.internal.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.NewTitle;
import dev.marquee.platform.api.ProblemException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetadataRulesTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

  private static NewTitle title(String language, int year, Set<String> regions, Instant until) {
    return new NewTitle(
        AccountId.random(),
        "Night Train",
        "A train, at night.",
        language,
        "drama",
        MaturityRating.AGE_13,
        year,
        new LicenceTerms(regions, FROM, until, true));
  }

  private static void assertProblem(NewTitle title, String type) {
    assertThatThrownBy(() -> MetadataRules.check(title))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((ProblemException) e).type())
                    .isEqualTo(type));
  }

  @Test
  void acceptsTwoAndThreeLetterLanguagesAndWorldwideLicences() {
    assertThatCode(() -> MetadataRules.check(title("en", 2020, Set.of("GB", "IE"), null)))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> MetadataRules.check(title("fra", 1999, Set.of("WORLD"), FROM.plusSeconds(60))))
        .doesNotThrowAnyException();
  }

  @Test
  void namesEachBrokenRule() {
    assertProblem(title("xx", 2020, Set.of("GB"), null), "unknown-language");
    assertProblem(title("klingon", 2020, Set.of("GB"), null), "unknown-language");
    assertProblem(title("en", 1700, Set.of("GB"), null), "invalid-release-year");
    assertProblem(title("en", 2020, Set.of("XX"), null), "unknown-region");
    assertProblem(title("en", 2020, Set.of(), null), "invalid-licence");
    assertProblem(title("en", 2020, Set.of("GB"), FROM.minusSeconds(1)), "invalid-licence");
  }
}
