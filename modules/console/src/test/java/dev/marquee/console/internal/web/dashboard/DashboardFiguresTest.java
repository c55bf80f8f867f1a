package dev.marquee.console.internal.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.catalog.api.EngagementDay;
import dev.marquee.playback.api.QoeDaySummary;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardFiguresTest {
  private static final LocalDate FROM = LocalDate.parse("2026-11-29");
  private static final LocalDate TO = LocalDate.parse("2026-12-02");

  @Test
  void everyDayOfThePeriodIsThereAndADayWithoutReportsIsEmpty() {
    assertThat(DaySeries.days(FROM, TO))
        .extracting(LocalDate::toString)
        .containsExactly("2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02");
    assertThat(DaySeries.fill(FROM, TO, Map.of(LocalDate.parse("2026-12-01"), 7L), d -> 0L))
        .containsExactly(0L, 0L, 7L, 0L);
    assertThat(DaySeries.days(TO, FROM)).isEmpty();
  }

  @Test
  void dayRowsJoinEngagementAndQoeByDay() {
    List<DashboardPage.DayRow> rows =
        DashboardPage.dayRows(
            FROM,
            TO,
            List.of(new EngagementDay(LocalDate.parse("2026-11-30"), 12, 3)),
            List.of(
                new QoeDaySummary(LocalDate.parse("2026-11-30"), 4, 812.6, 0.0125),
                new QoeDaySummary(LocalDate.parse("2026-12-02"), 1, null, 0)));
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).isEqualTo(new DashboardPage.DayRow("2026-11-29", 0, 0, 0, "", "0.00"));
    assertThat(rows.get(1))
        .isEqualTo(new DashboardPage.DayRow("2026-11-30", 12, 3, 4, "813", "1.25"));
    assertThat(rows.get(3)).isEqualTo(new DashboardPage.DayRow("2026-12-02", 0, 0, 1, "", "0.00"));
  }

  @Test
  void chartConfigIsChartJsJsonWithTheSeriesValuesAndGaps() {
    String json =
        ChartConfig.bar(
            "Titles \"by\" state",
            List.of("PUBLISHED", "FAILED"),
            List.of(
                new ChartConfig.Series("Titles", List.of(3L, 1L), "#000"),
                new ChartConfig.Series("Ratio", Arrays.asList(0.5, null), "#111")));
    JsonObject config = Json.createReader(new StringReader(json)).readObject();
    assertThat(config.getString("type")).isEqualTo("bar");
    JsonObject data = config.getJsonObject("data");
    assertThat(data.getJsonArray("labels").getString(0)).isEqualTo("PUBLISHED");
    assertThat(data.getJsonArray("datasets").getJsonObject(0).getJsonArray("data").toString())
        .isEqualTo("[3,1]");
    assertThat(data.getJsonArray("datasets").getJsonObject(1).getJsonArray("data").toString())
        .isEqualTo("[0.5,null]");
    assertThat(
            config
                .getJsonObject("options")
                .getJsonObject("plugins")
                .getJsonObject("title")
                .getString("text"))
        .isEqualTo("Titles \"by\" state");
    assertThat(ChartConfig.line("t", List.of(), List.of())).contains("\"type\":\"line\"");
  }

  @Test
  void aChartsAccessibleNameSaysEveryFigure() {
    assertThat(
            new DashboardPage()
                .summary(
                    "Jobs",
                    List.of(new Figure("running", "2", "/a"), new Figure("failed", "0", "/b"))))
        .isEqualTo("Jobs: 2 running, 0 failed.");
  }
}
