package dev.marquee.console.internal.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.catalog.api.TitleEngagementDay;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.playback.api.QoeTitleOnDay;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnalyticsRowTest {
  private static final LocalDate D1 = LocalDate.parse("2026-12-01");
  private static final LocalDate D2 = LocalDate.parse("2026-12-02");

  @Test
  void aTitleHasARowForEveryDayOfTheRangeJoiningEngagementAndQoe() {
    UUID t = UUID.randomUUID();
    List<AnalyticsRow> rows =
        AnalyticsRow.everyDay(
            t,
            new DayRange(D1, D2.plusDays(1)),
            List.of(new TitleEngagementDay(new TitleId(t), D1, 3, 1, 2)),
            List.of(new QoeTitleOnDay(t, D2, 2, 640.4, 0.125)));
    assertThat(rows)
        .extracting(AnalyticsRow::day)
        .containsExactly("2026-12-01", "2026-12-02", "2026-12-03");
    assertThat(rows.get(0))
        .isEqualTo(new AnalyticsRow(t.toString(), "2026-12-01", 3, 1, "2", 0, "", "0.00"));
    assertThat(rows.get(1))
        .isEqualTo(new AnalyticsRow(t.toString(), "2026-12-02", 0, 0, "", 2, "640", "12.50"));
    assertThat(rows.get(2).views()).isZero();
  }

  @Test
  void rangesDefaultToTheDashboardsDaysAndRefuseBackwardsOrLongOnes() throws Exception {
    assertThat(DayRange.parse(null, "", D2)).isEqualTo(new DayRange(D2.minusDays(13), D2));
    assertThatThrownBy(() -> DayRange.parse("2026-12-03", "2026-12-01", D2))
        .hasMessageContaining("after it ends");
    assertThatThrownBy(() -> DayRange.parse("2025-01-01", "2026-12-01", D2))
        .hasMessageContaining("at most 366 days");
    assertThatThrownBy(() -> DayRange.parse("yesterday", null, D2))
        .hasMessageContaining("\"from\" is a day written YYYY-MM-DD");
  }
}
