package dev.marquee.console.internal.web.catalog;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleState;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Find titles by name, in every state or one, a page at a time (the table pages on the server). */
@Named
@ViewScoped
public class TitlesPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CatalogFacade catalog;

  private String query = "";
  private String state = "";
  private final Titles titles = new Titles();

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query == null ? "" : query;
  }

  public String getState() {
    return state;
  }

  /** A state's name ({@code ?state=PUBLISHED}, the dashboard's links); anything else is any. */
  public void setState(String state) {
    this.state = state == null ? "" : state.strip().toUpperCase(Locale.ROOT);
  }

  public List<String> getStates() {
    return Arrays.stream(TitleState.values()).map(Enum::name).toList();
  }

  private TitleState stateFilter() {
    return getStates().contains(state) ? TitleState.valueOf(state) : null;
  }

  public LazyDataModel<TitleRow> getTitles() {
    return titles;
  }

  /** The search button: the table starts again at its first page. */
  public void search() {}

  private class Titles extends LazyDataModel<TitleRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, catalog.countTitles(query, stateFilter()));
    }

    /** One page; the table asked {@link #count} for the pager just before. */
    @Override
    public List<TitleRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return catalog.findTitles(query, stateFilter(), first, pageSize).stream()
          .map(TitleRow::of)
          .toList();
    }

    @Override
    public String getRowKey(TitleRow row) {
      return row.id();
    }
  }
}
