package dev.marquee.drm.internal.application;

import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.internal.persistence.ContentKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unwrapped content keys of recently licensed titles, held for a minute so that a burst of licence
 * requests for one title reads and unwraps its keys once. A title's keys never change (re-wrapping
 * changes only their wrapping), and a key id not found in the cached set is looked up again, so a
 * key made later (a new track type) is seen at once. Keys stay in this server's memory only, as
 * they do while a licence is answered anyway.
 */
@ApplicationScoped
public class TitleKeyCache {
  private static final long TTL_NANOS = 60_000_000_000L;
  private static final int MAX_TITLES = 10_000;

  @Inject ContentKeyStore store;

  private record Entry(long loadedAt, Map<UUID, ContentKey> keys) {}

  private final Map<UUID, Entry> titles = new ConcurrentHashMap<>();

  /** The title's key for a key id, or null when the key id is not one of the title's. */
  public ContentKey key(UUID titleId, UUID keyId) {
    Entry entry = titles.get(titleId);
    if (entry == null
        || System.nanoTime() - entry.loadedAt() > TTL_NANOS
        || !entry.keys().containsKey(keyId)) {
      entry = load(titleId);
    }
    return entry.keys().get(keyId);
  }

  private Entry load(UUID titleId) {
    Map<UUID, ContentKey> keys = new HashMap<>();
    for (ContentKeyStore.Wrapped w : store.ofTitle(titleId)) {
      keys.put(w.keyId(), store.unwrap(w));
    }
    Entry entry = new Entry(System.nanoTime(), Map.copyOf(keys));
    if (titles.size() >= MAX_TITLES) {
      titles.clear();
    }
    titles.put(titleId, entry);
    return entry;
  }
}
