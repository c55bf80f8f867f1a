package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.internal.domain.TitleSearch;
import dev.marquee.catalog.internal.persistence.PostgresTitleSearchQuery;
import dev.marquee.catalog.internal.search.OpenSearchIndex;
import dev.marquee.catalog.internal.search.OpenSearchTitleSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which adapter serves search: {@code marquee.search.engine} = {@code postgres} (the embedded
 * default) or {@code opensearch} (with {@code marquee.search.opensearch.url}).
 */
@ApplicationScoped
public class SearchEngines {
  @Inject
  @ConfigProperty(name = "marquee.search.engine", defaultValue = "postgres")
  String engine;

  @Inject PostgresTitleSearchQuery postgres;
  @Inject OpenSearchTitleSearch openSearch;

  private volatile OpenSearchIndex index;

  public boolean openSearchActive() {
    String e = engine.strip().toLowerCase(Locale.ROOT);
    if (e.equals("opensearch")) {
      return true;
    }
    if (e.equals("postgres") || e.equals("postgresql")) {
      return false;
    }
    throw new IllegalStateException(
        "MARQUEE_SEARCH_ENGINE is " + engine + "; it must be postgres or opensearch.");
  }

  @Produces
  public TitleSearch active() {
    return openSearchActive() ? openSearch : postgres;
  }

  OpenSearchIndex openSearchIndex() {
    if (index == null) {
      index = new OpenSearchIndex(openSearch.node(), openSearch.alias());
    }
    return index;
  }
}
