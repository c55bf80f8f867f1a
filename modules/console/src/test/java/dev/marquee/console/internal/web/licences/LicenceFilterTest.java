package dev.marquee.console.internal.web.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.playback.api.LicenceAuditQuery;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LicenceFilterTest {
  private static final UUID ACCOUNT = UUID.fromString("11111111-2222-3333-4444-555555555555");
  private static final UUID TITLE = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");

  private static Optional<UUID> known(String email) {
    return email.equalsIgnoreCase("viewer@example.com") ? Optional.of(ACCOUNT) : Optional.empty();
  }

  @Test
  void everyFieldBecomesACriterionAndBlankFieldsNone() {
    LicenceAuditQuery q =
        new LicenceFilter(
                " " + TITLE + " ",
                "Viewer@Example.com",
                "denied",
                " security-level ",
                "2026-12-01",
                "2026-12-05")
            .toQuery(LicenceFilterTest::known);
    assertThat(q.titleId()).isEqualTo(TITLE);
    assertThat(q.accountId()).isEqualTo(ACCOUNT);
    assertThat(q.outcome()).isEqualTo("DENIED");
    assertThat(q.rule()).isEqualTo("security-level");
    assertThat(q.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    // The "to" day is included: decisions before the next midnight.
    assertThat(q.to()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));

    assertThat(new LicenceFilter("", " ", null, "", null, "").toQuery(LicenceFilterTest::known))
        .isEqualTo(new LicenceAuditQuery(null, null, null, null, null, null));
    assertThat(
            new LicenceFilter(null, ACCOUNT.toString(), null, null, null, null)
                .toQuery(e -> Optional.empty())
                .accountId())
        .isEqualTo(ACCOUNT);
  }

  @Test
  void aFieldThatCannotBeReadIsNamed() {
    assertInvalid(new LicenceFilter("night train", null, null, null, null, null), "title");
    assertInvalid(new LicenceFilter(null, "nobody@example.com", null, null, null, null), "account");
    assertInvalid(new LicenceFilter(null, "not-an-id", null, null, null, null), "account");
    assertInvalid(new LicenceFilter(null, null, "MAYBE", null, null, null), "outcome");
    assertInvalid(new LicenceFilter(null, null, null, null, "05/12/2026", null), "from");
    assertInvalid(new LicenceFilter(null, null, null, null, null, "yesterday"), "to");
    assertInvalid(new LicenceFilter(null, null, null, null, "2026-12-05", "2026-12-01"), "from");
  }

  @Test
  void theCsvLinkCarriesTheSameFiltersEncodedAndReadsBackTheSame() {
    LicenceFilter filter =
        new LicenceFilter(null, "a+b@example.com", "GRANTED", null, "2026-12-01", " ");
    String query = filter.queryString();
    assertThat(query).isEqualTo("account=a%2Bb%40example.com&outcome=GRANTED&from=2026-12-01");
    assertThat(
            LicenceFilter.from(
                Map.of("account", "a+b@example.com", "outcome", "GRANTED", "from", "2026-12-01")))
        .isEqualTo(new LicenceFilter(null, "a+b@example.com", "GRANTED", null, "2026-12-01", null));
    assertThat(new LicenceFilter(null, null, null, null, null, null).queryString()).isEmpty();
  }

  @Test
  void sinceIsAnInstantThatNarrowsTheFirstDayAndTravelsInTheLink() {
    LicenceFilter filter =
        new LicenceFilter(null, null, "DENIED", null, "2026-12-01", null, "2026-12-04T17:30:00Z");
    assertThat(filter.toQuery(LicenceFilterTest::known).from())
        .isEqualTo(java.time.Instant.parse("2026-12-04T17:30:00Z"));
    assertThat(
            new LicenceFilter(null, null, null, null, "2026-12-05", null, "2026-12-04T17:30:00Z")
                .toQuery(LicenceFilterTest::known)
                .from())
        .isEqualTo(java.time.Instant.parse("2026-12-05T00:00:00Z"));
    assertThat(filter.queryString())
        .isEqualTo("outcome=DENIED&from=2026-12-01&since=2026-12-04T17%3A30%3A00Z");
    assertThat(LicenceFilter.from(Map.of("outcome", "DENIED", "since", "2026-12-04T17:30:00Z")))
        .isEqualTo(
            new LicenceFilter(null, null, "DENIED", null, null, null, "2026-12-04T17:30:00Z"));
    assertInvalid(new LicenceFilter(null, null, null, null, null, null, "yesterday"), "since");
  }

  private static void assertInvalid(LicenceFilter filter, String field) {
    assertThatThrownBy(() -> filter.toQuery(LicenceFilterTest::known))
        .as(filter.toString())
        .isInstanceOfSatisfying(
            LicenceFilter.Invalid.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
