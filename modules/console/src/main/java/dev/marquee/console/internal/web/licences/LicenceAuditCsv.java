package dev.marquee.console.internal.web.licences;

import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.console.internal.web.ConsoleUser;
import dev.marquee.console.internal.web.Csv;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.api.LicenceAuditFacade;
import dev.marquee.playback.api.LicenceAuditQuery;
import dev.marquee.playback.api.LicenceDecision;
import dev.marquee.playback.api.LicenceDecisionPage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The licence audit's CSV export: every decision the page's filters select (the same query string
 * the page links with), newest first, read page by page from playback, at most {@link #MAX_ROWS}.
 * Under {@code /console/admin/}, so the console's access filter lets only admins in; checked again
 * here.
 */
@WebServlet(urlPatterns = "/console/admin/licence-audit.csv")
public class LicenceAuditCsv extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final int MAX_ROWS = 100_000;

  @Inject transient LicenceAuditFacade audit;
  @Inject transient AccountsFacade accounts;
  @Inject transient CatalogFacade catalog;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(ConsoleUser.SESSION_KEY) instanceof ConsoleUser user)
        || !user.isAdmin()) {
      response.sendError(403, "The licence audit is for administrators.");
      return;
    }
    Map<String, String> parameters = new HashMap<>();
    request.getParameterMap().forEach((k, v) -> parameters.put(k, v.length == 0 ? null : v[0]));
    LicenceAuditQuery query;
    try {
      query = LicenceFilter.from(parameters).toQuery(e -> AuditNames.accountByEmail(accounts, e));
    } catch (LicenceFilter.Invalid e) {
      response.sendError(400, e.getMessage());
      return;
    }
    response.setContentType(Csv.CONTENT_TYPE);
    response.setHeader("Content-Disposition", "attachment; filename=\"licence-audit.csv\"");
    AuditNames names = new AuditNames(accounts, catalog);
    PrintWriter out = response.getWriter();
    out.write(CsvRows.HEADER + Csv.LINE_END);
    String cursor = null;
    int written = 0;
    try {
      do {
        LicenceDecisionPage page = audit.licenceDecisions(query, 1000, cursor);
        for (LicenceDecision d : page.decisions()) {
          if (written++ == MAX_ROWS) {
            return;
          }
          out.write(CsvRows.row(d, names::email, names::title) + Csv.LINE_END);
        }
        cursor = page.next();
      } while (cursor != null);
    } catch (ProblemException e) {
      if (!response.isCommitted()) {
        response.reset();
        response.sendError(e.status(), e.detail());
      }
    }
  }
}
