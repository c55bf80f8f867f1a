package dev.marquee.drm.internal.keys;

import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Moves every content key under the active key-encryption key, in batches, for the API and the
 * console alike. All or nothing: it refuses before touching a key when a key's KEK is not
 * configured, and any other failure rolls the whole re-wrap back (one transaction). Each is
 * recorded in the key actions, a done re-wrap in its transaction, a failure in one of its own. Safe
 * to run on several servers at once: each row is updated only if it still carries the wrapping that
 * was read.
 */
@ApplicationScoped
public class KeyRewrap {
  private static final Logger LOG = Logger.getLogger(KeyRewrap.class.getName());
  private static final int BATCH = 500;

  @Inject ContentKeyStore store;
  @Inject KeyEncryptionKeys keks;
  @Inject KeyActionLog log;

  /** The outcome: how many keys moved, how many remain elsewhere (0 when done). */
  public record Result(String activeKek, int rewrapped, Map<String, Long> keysByKek) {}

  @Transactional
  public Result rewrapAll(UUID actor, String via) {
    String active = null;
    try {
      active = keks.activeId();
      Optional<String> refused = KeyWrappings.unconfigured(store.countByKek(), keks::knows);
      if (refused.isPresent()) {
        throw new KekUnavailable(refused.get());
      }
      int moved = moveAll(active);
      log.done(actor, via, active, moved);
      String kek = active;
      LOG.info(() -> "Re-wrapped " + moved + " content keys under key-encryption key " + kek);
      return new Result(active, moved, store.countByKek());
    } catch (RuntimeException e) {
      String why =
          e instanceof ProblemException p
              ? p.detail()
              : "The re-wrap failed and was rolled back; no content key changed.";
      LOG.warning(() -> "Re-wrap by " + actor + " failed: " + e);
      log.failed(actor, via, active, why);
      throw e;
    }
  }

  private int moveAll(String active) {
    int moved = 0;
    while (true) {
      List<ContentKeyStore.Wrapped> batch = store.notUnder(active, BATCH);
      if (batch.isEmpty()) {
        return moved;
      }
      for (ContentKeyStore.Wrapped w : batch) {
        if (store.rewrap(w)) {
          moved++;
        }
      }
    }
  }
}
