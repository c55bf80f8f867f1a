package dev.marquee.console.internal.web.dashboard;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.console.internal.web.ConsoleUser;
import dev.marquee.console.internal.web.Csv;
import dev.marquee.playback.api.QoeFacade;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The per-title-per-day figures as CSV ({@code analytics.csv?from=&to=}, optionally {@code &title=}
 * for one title): a row for each title and day with a view, a completion or a QoE report, oldest
 * day first. Under {@code /console/admin/}, so only admins pass the access filter; checked again
 * here, like the licence audit's export.
 */
@WebServlet(urlPatterns = "/console/admin/analytics.csv")
public class AnalyticsCsv extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String HEADER =
      "day,title_id,title_name,views,completions,likes,qoe_sessions,startup_p95_ms,rebuffer_pct";

  @Inject transient CatalogFacade catalog;
  @Inject transient QoeFacade qoe;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(ConsoleUser.SESSION_KEY) instanceof ConsoleUser user)
        || !user.isAdmin()) {
      response.sendError(403, "Analytics are for administrators.");
      return;
    }
    DayRange range;
    TitleId title = null;
    try {
      range =
          DayRange.parse(
              request.getParameter("from"),
              request.getParameter("to"),
              LocalDate.now(ZoneOffset.UTC));
      String t = request.getParameter("title");
      if (t != null && !t.isBlank()) {
        title = new TitleId(UUID.fromString(t.strip()));
      }
    } catch (DayRange.Invalid e) {
      response.sendError(400, e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      response.sendError(400, "\"title\" is a title's id (a UUID).");
      return;
    }
    List<AnalyticsRow> rows =
        AnalyticsRow.join(
            catalog.engagementByTitleAndDay(title, range.from(), range.to()),
            qoe.qoeByTitleAndDay(title == null ? null : title.value(), range.from(), range.to()));
    response.setContentType(Csv.CONTENT_TYPE);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"analytics-" + range.from() + "-" + range.to() + ".csv\"");
    PrintWriter out = response.getWriter();
    out.write(HEADER + Csv.LINE_END);
    Map<String, String> names = new HashMap<>();
    for (AnalyticsRow r : rows) {
      String name = names.computeIfAbsent(r.titleId(), this::name);
      out.write(
          Csv.row(
                  Stream.of(
                      r.day(),
                      r.titleId(),
                      name,
                      Long.toString(r.views()),
                      Long.toString(r.completions()),
                      r.likes(),
                      Long.toString(r.sessions()),
                      r.startupP95(),
                      r.rebuffer()))
              + Csv.LINE_END);
    }
  }

  private String name(String titleId) {
    return catalog.title(new TitleId(UUID.fromString(titleId))).map(TitleView::name).orElse("");
  }
}
