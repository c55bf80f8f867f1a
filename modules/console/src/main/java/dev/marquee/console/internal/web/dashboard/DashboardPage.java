package dev.marquee.console.internal.web.dashboard;

import dev.marquee.accounts.api.Role;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.EngagementDay;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.console.internal.web.jobs.JobRow;
import dev.marquee.console.internal.web.jobs.JobStates;
import dev.marquee.console.internal.web.jobs.RecentJobs;
import dev.marquee.playback.api.LicenceAuditFacade;
import dev.marquee.playback.api.LicenceOutcomes;
import dev.marquee.playback.api.QoeDaySummary;
import dev.marquee.playback.api.QoeFacade;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primefaces.event.ItemSelectEvent;

/**
 * The admin's landing page: each chart's figures are read once when the page opens (so a click on a
 * bar opens the detail of the bar that was drawn), through the facades of catalog, transcode (via
 * the job console's list), and playback. Jobs are counted among the rows the job console lists.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int DAYS = 14;
  static final Duration LICENCE_PERIOD = Duration.ofHours(24);
  private static final String BLUE = "#0b5cab";
  private static final String ORANGE = "#b35c00";

  @Inject transient CatalogFacade catalog;
  @Inject transient RecentJobs jobs;
  @Inject transient LicenceAuditFacade licenceAudit;
  @Inject transient QoeFacade qoe;
  @Inject transient ConsoleSession console;

  private Instant at;
  private List<Figure> titles;
  private List<Figure> jobFigures;
  private List<Figure> licences;
  private List<DayRow> days;

  /** One UTC day of the QoE and engagement tables. */
  public record DayRow(
      String day, long views, long completions, long sessions, String startupP95, String rebuffer)
      implements Serializable {
    public String getDay() {
      return day;
    }

    public long getViews() {
      return views;
    }

    public long getCompletions() {
      return completions;
    }

    public long getSessions() {
      return sessions;
    }

    public String getStartupP95() {
      return startupP95;
    }

    public String getRebuffer() {
      return rebuffer;
    }
  }

  private void read() {
    if (at != null) {
      return;
    }
    console.require(Role.ADMIN);
    at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String root = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    Map<TitleState, Long> byState = catalog.titlesByState();
    titles = new ArrayList<>();
    for (TitleState s : TitleState.values()) {
      titles.add(
          new Figure(
              s.name(),
              Long.toString(byState.getOrDefault(s, 0L)),
              root + "/console/admin/titles.xhtml?state=" + s.name()));
    }
    List<JobRow> rows = jobs.rows();
    jobFigures = new ArrayList<>();
    for (JobStates.Group g : JobStates.Group.values()) {
      jobFigures.add(
          new Figure(
              g.label(),
              Long.toString(JobStates.count(rows, g)),
              root + "/console/jobs/index.xhtml?state=" + g.label()));
    }
    Instant since = at.minus(LICENCE_PERIOD);
    LicenceOutcomes outcomes = licenceAudit.licenceOutcomes(since, at.plusSeconds(1));
    String audit = root + "/console/admin/licences.xhtml?since=" + since + "&outcome=";
    licences =
        List.of(
            new Figure("granted", Long.toString(outcomes.granted()), audit + "GRANTED"),
            new Figure("denied", Long.toString(outcomes.denied()), audit + "DENIED"));
    LocalDate to = LocalDate.ofInstant(at, ZoneOffset.UTC);
    LocalDate from = to.minusDays(DAYS - 1);
    days = dayRows(from, to, catalog.engagementByDay(from, to), qoe.qoeByDay(from, to));
  }

  /** The engagement and QoE of every day of the period, a day without reports as zeros. */
  static List<DayRow> dayRows(
      LocalDate from, LocalDate to, List<EngagementDay> engagement, List<QoeDaySummary> qoe) {
    Map<LocalDate, EngagementDay> e = byDay(engagement, EngagementDay::day);
    Map<LocalDate, QoeDaySummary> q = byDay(qoe, QoeDaySummary::day);
    return DaySeries.days(from, to).stream()
        .map(
            d -> {
              EngagementDay en = e.getOrDefault(d, new EngagementDay(d, 0, 0));
              QoeDaySummary qo = q.getOrDefault(d, new QoeDaySummary(d, 0, null, 0));
              return new DayRow(
                  d.toString(),
                  en.views(),
                  en.completions(),
                  qo.sessions(),
                  qo.startupP95Ms() == null ? "" : Long.toString(Math.round(qo.startupP95Ms())),
                  String.format(Locale.ROOT, "%.2f", 100 * qo.rebufferRatio()));
            })
        .toList();
  }

  private static <T> Map<LocalDate, T> byDay(List<T> values, Function<T, LocalDate> day) {
    return values.stream().collect(Collectors.toMap(day, v -> v, (a, b) -> a));
  }

  public String getAt() {
    read();
    return at.toString();
  }

  public List<Figure> getTitles() {
    read();
    return titles;
  }

  public List<Figure> getJobs() {
    read();
    return jobFigures;
  }

  public List<Figure> getLicences() {
    read();
    return licences;
  }

  public List<DayRow> getDays() {
    read();
    return days;
  }

  public String getTitlesChart() {
    return bar("Titles by state", getTitles(), "Titles", BLUE);
  }

  public String getJobsChart() {
    return bar("Jobs running and failed", getJobs(), "Jobs", BLUE);
  }

  public String getLicencesChart() {
    return bar("Licences in the last 24 h", getLicences(), "Decisions", BLUE);
  }

  public String getQoeChart() {
    List<String> labels = getDays().stream().map(DayRow::day).toList();
    return ChartConfig.line(
        "Startup time p95 (ms) per day",
        labels,
        List.of(
            new ChartConfig.Series(
                "Startup p95 (ms)",
                getDays().stream()
                    .map(r -> r.startupP95().isEmpty() ? null : Long.valueOf(r.startupP95()))
                    .toList(),
                BLUE)));
  }

  public String getRebufferChart() {
    List<String> labels = getDays().stream().map(DayRow::day).toList();
    return ChartConfig.line(
        "Rebuffer ratio (%) per day",
        labels,
        List.of(
            new ChartConfig.Series(
                "Rebuffer ratio (%)",
                getDays().stream().map(r -> Double.valueOf(r.rebuffer())).toList(), ORANGE)));
  }

  public String getEngagementChart() {
    List<String> labels = getDays().stream().map(DayRow::day).toList();
    return ChartConfig.bar(
        "Views and completions per day",
        labels,
        List.of(
            new ChartConfig.Series("Views", getDays().stream().map(DayRow::views).toList(), BLUE),
            new ChartConfig.Series(
                "Completions", getDays().stream().map(DayRow::completions).toList(), ORANGE)));
  }

  /** A chart's accessible name: its title and every figure. */
  public String summary(String title, List<Figure> figures) {
    return title
        + ": "
        + figures.stream().map(f -> f.value() + " " + f.label()).collect(Collectors.joining(", "))
        + ".";
  }

  private static String bar(String title, List<Figure> figures, String series, String colour) {
    return ChartConfig.bar(
        title,
        figures.stream().map(Figure::label).toList(),
        List.of(
            new ChartConfig.Series(
                series, figures.stream().map(f -> Long.valueOf(f.value())).toList(), colour)));
  }

  /** A bar of a chart was clicked: open the page behind it. */
  public void openTitles(ItemSelectEvent event) throws IOException {
    open(getTitles(), event);
  }

  public void openJobs(ItemSelectEvent event) throws IOException {
    open(getJobs(), event);
  }

  public void openLicences(ItemSelectEvent event) throws IOException {
    open(getLicences(), event);
  }

  /** A day of a per-day chart was clicked: open that day's titles. */
  public void openDay(ItemSelectEvent event) throws IOException {
    String root = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    open(
        getDays().stream()
            .map(d -> new Figure(d.day(), "", root + "/console/admin/day.xhtml?day=" + d.day()))
            .toList(),
        event);
  }

  private static void open(List<Figure> figures, ItemSelectEvent event) throws IOException {
    int i = event.getItemIndex();
    if (i >= 0 && i < figures.size()) {
      FacesContext.getCurrentInstance().getExternalContext().redirect(figures.get(i).link());
    }
  }
}
