package dev.marquee.console.internal.web.licences;

import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.console.internal.web.Cells;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.api.LicenceAuditFacade;
import dev.marquee.playback.api.LicenceAuditQuery;
import dev.marquee.playback.api.LicenceDecision;
import dev.marquee.playback.api.LicenceDecisionPage;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The licence audit: decisions filtered by title, account, outcome, rule and days, newest first,
 * paged by playback's keyset cursor; the CSV link exports every row the same filters select.
 */
@Named
@ViewScoped
public class LicenceAuditPage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int PAGE = 25;

  @Inject transient LicenceAuditFacade audit;
  @Inject transient AccountsFacade accounts;
  @Inject transient CatalogFacade catalog;
  @Inject transient FacesContext faces;

  private String title;
  private String account;
  private String outcome;
  private String rule;
  private String from;
  private String to;
  private String since;

  /** The filters of the table shown (applied by Search), and the cursors of earlier pages. */
  private LicenceFilter applied = new LicenceFilter(null, null, null, null, null, null);

  private final ArrayList<String> previous = new ArrayList<>();
  private String cursor;
  private transient LicenceDecisionPage page;
  private transient FacesContext pageRequest;
  private boolean initialised;

  /** Filters given in the address (a link from an account's page) apply at once. */
  public void load() {
    if (!initialised) {
      initialised = true;
      applied = new LicenceFilter(title, account, outcome, rule, from, to, since);
    }
  }

  public void search() {
    LicenceFilter typed = new LicenceFilter(title, account, outcome, rule, from, to, since);
    try {
      typed.toQuery(e -> AuditNames.accountByEmail(accounts, e));
    } catch (LicenceFilter.Invalid e) {
      faces.addMessage(
          "audit:" + e.field(),
          new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), e.getMessage()));
      faces.validationFailed();
      return;
    }
    applied = typed;
    previous.clear();
    cursor = null;
    page = null;
  }

  public List<Map<String, String>> getDecisions() {
    LicenceDecisionPage p = page();
    AuditNames names = new AuditNames(accounts, catalog);
    return p.decisions().stream().map(d -> row(d, names)).toList();
  }

  private LicenceDecisionPage page() {
    FacesContext now = FacesContext.getCurrentInstance();
    if (page == null || pageRequest != now) {
      pageRequest = now;
      try {
        LicenceAuditQuery q = applied.toQuery(e -> AuditNames.accountByEmail(accounts, e));
        page = audit.licenceDecisions(q, PAGE, cursor);
      } catch (LicenceFilter.Invalid | ProblemException e) {
        String why = e instanceof ProblemException p ? p.detail() : e.getMessage();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, why, null));
        page = new LicenceDecisionPage(List.of(), null);
      }
    }
    return page;
  }

  private static Map<String, String> row(LicenceDecision d, AuditNames names) {
    return Cells.of(
        "id", d.id(),
        "at", d.at(),
        "kind", d.kind(),
        "outcome", d.outcome(),
        "rule", d.rule(),
        "account", d.accountId() == null ? "" : names.email(d.accountId()),
        "accountId", d.accountId(),
        "device", d.deviceId(),
        "securityLevel", d.securityLevel(),
        "title", d.titleId() == null ? "" : names.title(d.titleId()),
        "titleId", d.titleId());
  }

  public void next() {
    String next = page().next();
    if (next != null) {
      previous.add(cursor);
      cursor = next;
      page = null;
    }
  }

  public void back() {
    if (!previous.isEmpty()) {
      cursor = previous.remove(previous.size() - 1);
      page = null;
    }
  }

  public boolean isHasNext() {
    return page().next() != null;
  }

  public boolean isHasPrevious() {
    return !previous.isEmpty();
  }

  public int getPageNumber() {
    return previous.size() + 1;
  }

  /** The export of the filters shown, relative to this page. */
  public String getCsvLink() {
    String q = applied.queryString();
    return "licence-audit.csv" + (q.isEmpty() ? "" : "?" + q);
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getRule() {
    return rule;
  }

  public void setRule(String rule) {
    this.rule = rule;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
