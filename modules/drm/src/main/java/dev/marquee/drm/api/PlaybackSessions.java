package dev.marquee.drm.api;

/**
 * The port through which the licence server checks playback sessions. Playback implements it (it
 * issues the session tokens); DRM does not depend on playback.
 */
public interface PlaybackSessions {

  /**
   * Verifies a session token: genuine (signature), not expired, and the session neither stopped nor
   * gone silent. The grant also says how many of the account's live sessions started before it.
   *
   * @throws LicenceDenied {@code session-token-invalid}, {@code session-expired} or {@code
   *     session-ended}
   */
  PlaybackGrant verify(String token);

  /**
   * Verifies a URL ticket (the short-lived credential a URL carries where a player cannot send the
   * session token in a header): issued for exactly this request path, not expired, and its session
   * neither stopped nor gone silent.
   *
   * @param path the raw request path the ticket came on, without the query
   * @throws LicenceDenied {@code url-ticket-invalid}, {@code url-ticket-expired}, {@code
   *     session-expired} or {@code session-ended}
   */
  PlaybackGrant verifyUrlTicket(String path, String ticket);
}
