package dev.marquee.console.internal.web.dashboard;

import dev.marquee.accounts.api.Role;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleEngagement;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.playback.api.QoeFacade;
import dev.marquee.playback.api.QoeTitleDay;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The detail behind a day of the dashboard's per-day charts ({@code day.xhtml?day=YYYY-MM-DD}):
 * each title's views, completions and QoE on that UTC day.
 */
@Named
@RequestScoped
public class DayPage {
  @Inject CatalogFacade catalog;
  @Inject QoeFacade qoe;
  @Inject ConsoleSession console;

  private String day;
  private List<TitleDayRow> rows;
  private String problem;

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  /** Why the day cannot be shown (not a day), or null. */
  public String getProblem() {
    rows();
    return problem;
  }

  public List<TitleDayRow> getTitles() {
    return rows();
  }

  private List<TitleDayRow> rows() {
    if (rows == null) {
      console.require(Role.ADMIN);
      LocalDate d;
      try {
        d = LocalDate.parse(day == null ? "" : day.strip());
      } catch (DateTimeParseException e) {
        problem = "A day is written YYYY-MM-DD, not \"" + (day == null ? "" : day.strip()) + "\".";
        rows = List.of();
        return rows;
      }
      List<TitleEngagement> engagement = catalog.engagementOfDay(d);
      List<QoeTitleDay> quality = qoe.qoeOfDay(d);
      rows = TitleDayRow.join(engagement, quality, this::name);
    }
    return rows;
  }

  private String name(TitleId id) {
    return catalog.title(id).map(TitleView::name).orElse(id.value().toString());
  }
}
