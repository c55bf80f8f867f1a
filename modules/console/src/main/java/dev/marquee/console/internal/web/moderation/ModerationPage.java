package dev.marquee.console.internal.web.moderation;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.Role;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.ReportPage;
import dev.marquee.catalog.api.ReportView;
import dev.marquee.console.internal.web.Cells;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.platform.api.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The moderation queue, newest first, paged by the catalog's keyset cursor (stable while reports
 * arrive): a report is dismissed, or its title unpublished, as the signed-in admin, who is recorded
 * with the decision. A refusal (already resolved by someone else) is shown as a message.
 */
@Named
@ViewScoped
public class ModerationPage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int PAGE = 20;

  @Inject transient CatalogFacade catalog;
  @Inject transient AccountsFacade accounts;
  @Inject transient ConsoleSession console;
  @Inject transient FacesContext faces;

  private String state = "OPEN";
  private String note;

  /** The cursors of the pages before this one (the first page's is null). */
  private final ArrayList<String> previous = new ArrayList<>();

  private String cursor;

  /**
   * The rows as shown, kept with the view: a click is decoded against the rows the admin saw, even
   * if the queue changed since (a report resolved elsewhere is then refused by the catalog, with a
   * message). Null: read again before the next render.
   */
  private ArrayList<Map<String, String>> rows;

  private String next;

  public List<Map<String, String>> getReports() {
    if (rows == null) {
      ReportPage page = catalog.moderationQueue(state, PAGE, cursor);
      rows = new ArrayList<>(page.reports().stream().map(this::row).toList());
      next = page.next();
    }
    return rows;
  }

  private Map<String, String> row(ReportView r) {
    return Cells.of(
        "id", r.id(),
        "titleId", r.titleId().value(),
        "title", r.titleName(),
        "reason", r.reason(),
        "text", r.text(),
        "state", r.state(),
        "reported", r.createdAt(),
        "reporter", emailOf(r.accountId()),
        "resolvedBy", r.resolvedBy() == null ? null : emailOf(r.resolvedBy()),
        "resolvedAt", r.resolvedAt(),
        "resolution", r.resolution());
  }

  /**
   * The report the button was rendered for travels with the click (not the row's index, which new
   * reports arriving meanwhile would shift).
   */
  public void dismiss() {
    decide(false);
  }

  public void unpublish() {
    decide(true);
  }

  private void decide(boolean unpublish) {
    UUID moderator = console.require(Role.ADMIN).accountId();
    String report = faces.getExternalContext().getRequestParameterMap().get("report");
    try {
      ReportView done = catalog.resolveReport(UUID.fromString(report), moderator, unpublish, note);
      note = null;
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              unpublish
                  ? "Unpublished " + done.titleName() + "; its open reports are resolved."
                  : "Dismissed the report on " + done.titleName() + ".",
              null));
    } catch (ProblemException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.detail(), null));
    } catch (IllegalArgumentException | NullPointerException e) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "No such report: " + report, null));
    }
    rows = null;
  }

  /** The state filter changed: back to the first page. */
  public void show() {
    previous.clear();
    cursor = null;
    rows = null;
  }

  public void next() {
    if (next != null) {
      previous.add(cursor);
      cursor = next;
      rows = null;
    }
  }

  public void back() {
    if (!previous.isEmpty()) {
      cursor = previous.remove(previous.size() - 1);
      rows = null;
    }
  }

  public boolean isHasNext() {
    getReports();
    return next != null;
  }

  public boolean isHasPrevious() {
    return !previous.isEmpty();
  }

  public int getPageNumber() {
    return previous.size() + 1;
  }

  private String emailOf(UUID account) {
    return accounts
        .account(new AccountId(account))
        .map(AccountView::email)
        .orElse("(erased or unknown account)");
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
