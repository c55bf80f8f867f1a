package dev.marquee.drm.api;

import dev.marquee.accounts.api.AccountId;
import java.util.UUID;

/**
 * The port through which the licence server checks playback sessions. Playback implements it (it
 * issues the session tokens); DRM does not depend on playback.
 */
public interface PlaybackSessions {

  /**
   * Verifies a session token: genuine (signature), not expired, and the session neither stopped nor
   * gone silent.
   *
   * @throws LicenceDenied {@code session-token-invalid}, {@code session-expired} or {@code
   *     session-ended}
   */
  PlaybackGrant verify(String token);

  /** How many of the account's live sessions started before this one. */
  int liveSessionsBefore(AccountId account, UUID sessionId);
}
