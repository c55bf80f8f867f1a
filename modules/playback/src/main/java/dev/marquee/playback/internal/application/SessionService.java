package dev.marquee.playback.internal.application;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.internal.domain.LicenceDenied;
import dev.marquee.playback.internal.domain.Playability;
import dev.marquee.playback.internal.domain.PlaybackGrant;
import dev.marquee.playback.internal.domain.PlaybackSession;
import dev.marquee.playback.internal.domain.SessionTokens;
import dev.marquee.playback.internal.domain.UrlTickets;
import dev.marquee.playback.internal.persistence.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts, keeps alive and stops playback sessions, and verifies their tokens for the licence
 * server. A session is live until stopped or until no heartbeat came for {@code session-timeout};
 * live sessions count against the plan's concurrent streams.
 */
@ApplicationScoped
public class SessionService {
  @Inject SessionStore store;
  @Inject SessionTokens tokens;
  @Inject UrlTickets tickets;
  @Inject PlaybackPolicy policy;

  @Inject
  @ConfigProperty(name = "marquee.playback.session-timeout", defaultValue = "PT2M")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "marquee.playback.session-lifetime", defaultValue = "PT30M")
  Duration lifetime;

  /** How long a URL ticket opens its one URL (ADR 15: minutes, never the session's lifetime). */
  @Inject
  @ConfigProperty(name = "marquee.playback.url-ticket-validity", defaultValue = "PT10M")
  Duration ticketValidity;

  /** A started session and its token. */
  public record Started(
      PlaybackSession session,
      String token,
      Instant tokenExpiresAt,
      Playability playability,
      int liveBefore) {
    /** The session as its token grants it: what the licence server would verify. */
    public PlaybackGrant grant() {
      return PlaybackGrant.of(session, tokenExpiresAt, liveBefore);
    }
  }

  /**
   * Starts a session after the playback rules and the plan's stream limit; the limit is checked
   * under a per-account lock so two devices starting at once cannot both squeeze in.
   */
  @Transactional
  public Started start(
      AccountId account,
      ProfileId profile,
      DeviceId device,
      TitleId title,
      int deviceMaxHeight,
      String edgeRegion) {
    Playability playable = policy.check(account, profile, device, title, edgeRegion, false);
    store.lockAccount(account.value());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<PlaybackSession> live = store.live(account.value(), now);
    if (live.size() >= playable.maxStreams()) {
      List<Map<String, String>> streaming =
          live.stream()
              .map(
                  s ->
                      Map.of(
                          "deviceId", s.deviceId().toString(),
                          "deviceName", s.deviceName(),
                          "sessionId", s.id().toString()))
              .toList();
      throw new ProblemException(
          409,
          "concurrent-streams",
          "Too many streams",
          "The plan allows "
              + playable.maxStreams()
              + " stream(s) at once; already streaming on: "
              + String.join(", ", live.stream().map(PlaybackSession::deviceName).toList())
              + ". Stop one of them first.",
          Map.of("streaming", streaming));
    }
    int maxHeight = Math.min(playable.maxHeight(), deviceMaxHeight);
    PlaybackSession session =
        new PlaybackSession(
            UUID.randomUUID(),
            account.value(),
            profile.value(),
            device.value(),
            playable.deviceName(),
            title.value(),
            playable.securityLevel().name(),
            maxHeight,
            playable.region(),
            now,
            now,
            now.plus(timeout),
            null,
            null);
    store.insert(session);
    Token token = token(session, now);
    return new Started(session, token.token(), token.expiresAt(), playable, live.size());
  }

  /** A session token and when it expires. */
  public record Token(String token, Instant expiresAt) {}

  /**
   * A fresh token for a session, valid for the configured lifetime from {@code now}: issued at the
   * start and again with every heartbeat, so a token stops working soon after its player stops.
   */
  Token token(PlaybackSession s, Instant now) {
    Instant expiry = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    String token =
        tokens.issue(
            new SessionTokens.Claims(
                s.id(),
                s.accountId(),
                s.profileId(),
                s.deviceId(),
                s.titleId(),
                expiry.getEpochSecond()));
    return new Token(token, expiry);
  }

  /** A URL ticket that opens {@code path} for this session for the next few minutes. */
  public String ticket(UUID session, String path) {
    return tickets.issue(path, session, Instant.now().plus(ticketValidity));
  }

  /** When tickets issued now expire. */
  public Instant ticketsExpireAt() {
    return Instant.now().plus(ticketValidity).truncatedTo(ChronoUnit.SECONDS);
  }

  public PlaybackSession owned(UUID account, UUID id) {
    return store
        .find(id)
        .filter(s -> s.accountId().equals(account))
        .orElseThrow(
            () -> ProblemException.notFound("session-not-found", "No playback session " + id));
  }

  /** A session kept alive, with its renewed token. */
  public record Renewed(PlaybackSession session, Token token) {}

  /**
   * Keeps a live session alive and renews its token; a stopped or expired one answers 410 so the
   * player starts anew.
   */
  public Renewed heartbeat(UUID account, UUID id) {
    PlaybackSession s = owned(account, id);
    Instant now = Instant.now();
    if (!store.heartbeat(id, now, now.plus(timeout))) {
      throw new ProblemException(
          410,
          "session-ended",
          "Session ended",
          "The playback session has ended or went silent; start a new one.");
    }
    return new Renewed(store.find(s.id()).orElseThrow(), token(s, now));
  }

  public void stop(UUID account, UUID id) {
    owned(account, id);
    store.end(id, Instant.now(), "STOPPED");
  }

  /**
   * The claims of a genuine, unexpired session token, whether or not the session is still live (a
   * player reports how a session ended after it ended). No database read.
   */
  public SessionTokens.Claims claims(String token) {
    SessionTokens.Claims claims;
    try {
      claims = tokens.verify(token);
    } catch (SessionTokens.Rejected e) {
      throw new ProblemException(
          401, "session-token-invalid", "Authentication required", e.getMessage());
    }
    if (Instant.now().getEpochSecond() >= claims.expiresEpochSecond()) {
      throw new ProblemException(
          401,
          "session-expired",
          "Authentication required",
          "The playback session's token has expired.");
    }
    return claims;
  }

  /**
   * Verifies a session token: genuine (signature), not expired, and the session neither stopped nor
   * gone silent. The grant also says how many of the account's live sessions started before it.
   *
   * @throws LicenceDenied {@code session-token-invalid}, {@code session-expired} or {@code
   *     session-ended}
   */
  public PlaybackGrant verify(String token) {
    SessionTokens.Claims claims;
    try {
      claims = tokens.verify(token);
    } catch (SessionTokens.Rejected e) {
      throw new LicenceDenied("session-token-invalid", e.getMessage());
    }
    Instant now = Instant.now();
    if (now.getEpochSecond() >= claims.expiresEpochSecond()) {
      throw new LicenceDenied("session-expired", "The playback session's token has expired.");
    }
    return live(claims.session(), Instant.ofEpochSecond(claims.expiresEpochSecond()), now);
  }

  /**
   * Verifies a URL ticket (the short-lived credential a URL carries where a player cannot send the
   * session token in a header): issued for exactly this request path, not expired, and its session
   * neither stopped nor gone silent.
   *
   * @param path the raw request path the ticket came on, without the query
   * @throws LicenceDenied {@code url-ticket-invalid}, {@code url-ticket-expired}, {@code
   *     session-expired} or {@code session-ended}
   */
  public PlaybackGrant verifyUrlTicket(String path, String ticket) {
    Instant now = Instant.now();
    UrlTickets.Ticket t;
    try {
      t = tickets.verify(path, ticket, now);
    } catch (UrlTickets.Rejected e) {
      throw new LicenceDenied(
          e.expired() ? "url-ticket-expired" : "url-ticket-invalid", e.getMessage());
    }
    return live(t.session(), t.expiresAt(), now);
  }

  /** The grant of a session that is neither stopped nor silent, good until {@code until}. */
  private PlaybackGrant live(UUID sessionId, Instant until, Instant now) {
    SessionStore.Ranked ranked =
        store
            .findRanked(sessionId)
            .orElseThrow(
                () -> new LicenceDenied("session-token-invalid", "The session does not exist."));
    PlaybackSession s = ranked.session();
    if (s.endedAt() != null) {
      throw new LicenceDenied("session-ended", "The playback session was stopped.");
    }
    if (!now.isBefore(s.expiresAt())) {
      throw new LicenceDenied(
          "session-expired", "The playback session went silent (no heartbeat) and expired.");
    }
    return PlaybackGrant.of(s, until, ranked.liveBefore());
  }
}
