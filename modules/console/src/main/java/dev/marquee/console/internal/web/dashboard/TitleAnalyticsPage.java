package dev.marquee.console.internal.web.dashboard;

import dev.marquee.accounts.api.Role;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.playback.api.QoeFacade;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One title's analytics over a range of UTC days ({@code analytics.xhtml?id=&from=&to=}): views,
 * completions, likes, startup p95 and rebuffer ratio per day, as charts and a table, with the CSV
 * export of the same range.
 */
@Named
@RequestScoped
public class TitleAnalyticsPage {
  private static final String BLUE = "#0b5cab";
  private static final String ORANGE = "#b35c00";

  @Inject CatalogFacade catalog;
  @Inject QoeFacade qoe;
  @Inject ConsoleSession console;

  private String id;
  private String from;
  private String to;
  private String name;
  private DayRange range;
  private List<AnalyticsRow> rows;
  private String problem;

  private List<AnalyticsRow> rows() {
    if (rows != null) {
      return rows;
    }
    console.require(Role.ADMIN);
    rows = List.of();
    Optional<TitleView> title = titleId().flatMap(catalog::title);
    if (title.isEmpty()) {
      problem = "There is no such title.";
      return rows;
    }
    name = title.get().name();
    try {
      range = DayRange.parse(from, to, LocalDate.now(ZoneOffset.UTC));
    } catch (DayRange.Invalid e) {
      problem = e.getMessage();
      return rows;
    }
    TitleId t = title.get().id();
    rows =
        AnalyticsRow.everyDay(
            t.value(),
            range,
            catalog.engagementByTitleAndDay(t, range.from(), range.to()),
            qoe.qoeByTitleAndDay(t.value(), range.from(), range.to()));
    return rows;
  }

  private Optional<TitleId> titleId() {
    try {
      return id == null ? Optional.empty() : Optional.of(new TitleId(UUID.fromString(id.strip())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public List<AnalyticsRow> getDays() {
    return rows();
  }

  /** Why nothing can be shown (no such title, a bad range), or null. */
  public String getProblem() {
    rows();
    return problem;
  }

  public String getName() {
    rows();
    return name;
  }

  public String getFrom() {
    rows();
    return range == null ? from : range.from().toString();
  }

  public String getTo() {
    rows();
    return range == null ? to : range.to().toString();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getEngagementChart() {
    return ChartConfig.bar(
        "Views and completions per day",
        labels(),
        List.of(
            new ChartConfig.Series(
                "Views", rows().stream().map(AnalyticsRow::views).toList(), BLUE),
            new ChartConfig.Series(
                "Completions", rows().stream().map(AnalyticsRow::completions).toList(), ORANGE)));
  }

  public String getStartupChart() {
    return ChartConfig.line(
        "Startup time p95 (ms) per day",
        labels(),
        List.of(
            new ChartConfig.Series(
                "Startup p95 (ms)",
                rows().stream()
                    .map(r -> r.startupP95().isEmpty() ? null : Long.valueOf(r.startupP95()))
                    .toList(),
                BLUE)));
  }

  public String getRebufferChart() {
    return ChartConfig.line(
        "Rebuffer ratio (%) per day",
        labels(),
        List.of(
            new ChartConfig.Series(
                "Rebuffer ratio (%)",
                rows().stream().map(r -> Double.valueOf(r.rebuffer())).toList(), ORANGE)));
  }

  private List<String> labels() {
    return rows().stream().map(AnalyticsRow::day).toList();
  }
}
