package dev.marquee.console.internal.web.catalog;

import dev.marquee.catalog.api.TitleSummary;
import java.io.Serializable;

/** A title in the search results (Faces EL reads getters). */
public record TitleRow(String id, String name, String state, String category, int releaseYear)
    implements Serializable {
  static TitleRow of(TitleSummary t) {
    return new TitleRow(
        t.id().value().toString(), t.name(), t.state().name(), t.category(), t.releaseYear());
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getState() {
    return state;
  }

  public String getCategory() {
    return category;
  }

  public int getReleaseYear() {
    return releaseYear;
  }
}
