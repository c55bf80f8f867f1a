package dev.marquee.drm.internal.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Moves every content key under the active key-encryption key, in batches; safe to run on several
 * servers at once and to run again after an interruption (each row is updated only if it still
 * carries the wrapping that was read).
 */
@ApplicationScoped
public class KeyRewrap {
  private static final Logger LOG = Logger.getLogger(KeyRewrap.class.getName());
  private static final int BATCH = 500;

  @Inject ContentKeyStore store;
  @Inject KeyEncryptionKeys keks;

  /** The outcome: how many keys moved, how many remain elsewhere (0 when done). */
  public record Result(String activeKek, int rewrapped, java.util.Map<String, Long> keysByKek) {}

  public Result rewrapAll() {
    String active = keks.activeId();
    int moved = 0;
    while (true) {
      List<ContentKeyStore.Wrapped> batch = store.notUnder(active, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (ContentKeyStore.Wrapped w : batch) {
        if (store.rewrap(w)) {
          moved++;
        }
      }
    }
    int total = moved;
    LOG.info(() -> "Re-wrapped " + total + " content keys under key-encryption key " + active);
    return new Result(active, moved, store.countByKek());
  }
}
