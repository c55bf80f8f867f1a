package dev.marquee.console.internal.web.accounts;

import dev.marquee.accounts.api.AccountPage;
import dev.marquee.accounts.api.AccountsFacade;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Find accounts by email, a page at a time (the table pages on the server). */
@Named
@ViewScoped
public class AccountsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient AccountsFacade accounts;

  private String query = "";
  private final Accounts rows = new Accounts();

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query == null ? "" : query;
  }

  public LazyDataModel<AccountRow> getAccounts() {
    return rows;
  }

  /** The search button: the table starts again at its first page. */
  public void search() {}

  private class Accounts extends LazyDataModel<AccountRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) accounts.findAccounts(query, 0, 1).total();
    }

    @Override
    public List<AccountRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      AccountPage page = accounts.findAccounts(query, first, pageSize);
      setRowCount((int) page.total());
      return page.accounts().stream().map(AccountRow::of).toList();
    }

    @Override
    public String getRowKey(AccountRow row) {
      return row.id();
    }
  }
}
