package dev.marquee.playback.internal.application;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Titles as the playback rules read them, held for five seconds: a licence burst for one title
 * reads it once, and a change of state or licence terms reaches every server within five seconds.
 */
@ApplicationScoped
public class RecentTitles {
  private static final long TTL_NANOS = 5_000_000_000L;
  private static final int MAX_TITLES = 10_000;

  @Inject CatalogFacade catalog;

  private record Entry(long loadedAt, Optional<TitleView> title) {}

  private final Map<TitleId, Entry> titles = new ConcurrentHashMap<>();

  public Optional<TitleView> title(TitleId id) {
    Entry entry = titles.get(id);
    if (entry == null || System.nanoTime() - entry.loadedAt() > TTL_NANOS) {
      entry = new Entry(System.nanoTime(), catalog.title(id));
      if (titles.size() >= MAX_TITLES) {
        titles.clear();
      }
      titles.put(id, entry);
    }
    return entry.title();
  }
}
