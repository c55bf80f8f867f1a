package dev.marquee.drm.internal.application;

import dev.marquee.drm.internal.domain.KeyEncryptionKeys;
import dev.marquee.drm.internal.persistence.KeyActionStore;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Moves every content key under the active key-encryption key, for the API and the console alike.
 * All or nothing ({@link KeyMoves}: one transaction, refused before touching a key when a key's KEK
 * is not configured). A done re-wrap is recorded in the key actions in its transaction; a failed
 * one after that transaction has rolled back, with why. Safe to run on several servers at once:
 * each row is updated only if it still carries the wrapping that was read.
 */
@ApplicationScoped
public class KeyRewrap {
  private static final Logger LOG = Logger.getLogger(KeyRewrap.class.getName());

  @Inject KeyEncryptionKeys keks;
  @Inject KeyMoves moves;
  @Inject KeyActionStore log;

  /** The outcome: how many keys moved, how many remain elsewhere (0 when done). */
  public record Result(String activeKek, int rewrapped, Map<String, Long> keysByKek) {}

  public Result rewrapAll(UUID actor, String via) {
    String active = null;
    try {
      active = keks.activeId();
      Result r = moves.underActive(actor, via, active);
      LOG.info(() -> "Re-wrapped " + r.rewrapped() + " content keys under " + r.activeKek());
      return r;
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
}
