package dev.marquee.drm.internal.application;

import dev.marquee.drm.internal.domain.KekUnavailable;
import dev.marquee.drm.internal.domain.KeyEncryptionKeys;
import dev.marquee.drm.internal.domain.KeyWrappings;
import dev.marquee.drm.internal.persistence.ContentKeyStore;
import dev.marquee.drm.internal.persistence.KeyActionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The re-wrap's one transaction: refuses before touching a key when a key's KEK is not configured,
 * moves every key under the active KEK in batches and records the done re-wrap, or rolls it all
 * back.
 */
@ApplicationScoped
public class KeyMoves {
  private static final int BATCH = 500;

  @Inject ContentKeyStore store;
  @Inject KeyEncryptionKeys keks;
  @Inject KeyActionStore log;

  @Transactional
  public KeyRewrap.Result underActive(UUID actor, String via, String active) {
    Optional<String> refused = KeyWrappings.unconfigured(store.countByKek(), keks::knows);
    if (refused.isPresent()) {
      throw new KekUnavailable(refused.get());
    }
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
    log.done(actor, via, active, moved);
    return new KeyRewrap.Result(active, moved, store.countByKek());
  }
}
