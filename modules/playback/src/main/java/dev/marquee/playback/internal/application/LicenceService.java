package dev.marquee.playback.internal.application;

import dev.marquee.accounts.api.EntitlementsFacade;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.DrmFacade;
import dev.marquee.playback.internal.domain.LicenceDenied;
import dev.marquee.playback.internal.domain.Playability;
import dev.marquee.playback.internal.domain.PlaybackGrant;
import dev.marquee.playback.internal.domain.PlaybackRules;
import dev.marquee.playback.internal.persistence.LicenceAuditStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides licences: the session token first ({@code session-token-invalid}, {@code
 * session-expired}, {@code session-ended}), then the playback rules of {@link PlaybackPolicy}, then
 * the keys: each requested key id must belong to the session's title ({@code unknown-key-id}) and
 * be within the device's security level ({@code security-level}: software devices at most 480p) and
 * the plan's resolution ({@code plan-resolution}); last, the session must be within the plan's
 * concurrent streams ({@code concurrent-streams}). Every decision, granted or denied, is written to
 * the audit trail with the rule that decided.
 */
@ApplicationScoped
public class LicenceService {
  @Inject SessionService sessions;
  @Inject PlaybackPolicy policy;
  @Inject EntitlementsFacade entitlements;
  @Inject DrmFacade keys;
  @Inject LicenceAuditStore audit;

  @Inject
  @ConfigProperty(name = "marquee.drm.licence-ttl", defaultValue = "PT10M")
  Duration ttl;

  /** A granted licence and what it rests on. */
  public record Granted(
      PlaybackGrant session, Playability playability, List<ContentKey> keys, Instant expiresAt) {}

  /**
   * The session credential a request brought: the session token (from the {@code
   * X-Playback-Session} header), or a URL ticket and the path it came on (ADR 15).
   */
  public record Credential(String token, String path, String ticket) {
    public static Credential token(String token) {
      return new Credential(token, null, null);
    }

    public static Credential ticket(String path, String ticket) {
      return new Credential(null, path, ticket);
    }

    PlaybackGrant verify(SessionService sessions) {
      return token != null ? sessions.verify(token) : sessions.verifyUrlTicket(path, ticket);
    }
  }

  /** What the request brought: kind (STREAMING, OFFLINE, HLS_KEY), credential, key ids, region. */
  public record Ask(String kind, Credential credential, List<UUID> kids, String edgeRegion) {}

  public Granted decide(Ask ask) {
    return decide(ask, g -> {});
  }

  /**
   * Decides, then lets {@code beforeGranting} refuse or record more (an offline licence's slot)
   * before the decision is audited.
   */
  public Granted decide(Ask ask, Consumer<Granted> beforeGranting) {
    return decide(ask, null, null, beforeGranting);
  }

  /**
   * The streaming licence for a session this request has just started, for the session's answer
   * (ADR 50). The start verified the viewer, applied the same playback rules ({@link
   * PlaybackPolicy}) and counted the account's streams moments ago in this request, so they are not
   * read again; the keys, the rental clock and the audit are those of any licence.
   */
  public Granted decideForStart(SessionService.Started started, List<UUID> kids, String region) {
    return decide(
        new Ask("STREAMING", Credential.token(started.token()), kids, region),
        started.grant(),
        started.playability(),
        g -> {});
  }

  /** {@code known} and {@code checked}: the session and its rules' answer, when already had. */
  private Granted decide(
      Ask ask, PlaybackGrant known, Playability checked, Consumer<Granted> beforeGranting) {
    PlaybackGrant session = known;
    // The device's level once the playback rules read it, for the audit (null if refused before).
    SecurityLevel level = checked == null ? null : checked.securityLevel();
    try {
      if (session == null) {
        session = ask.credential().verify(sessions);
      }
      Playability playable = checked != null ? checked : check(session, ask);
      level = playable.securityLevel();
      Granted granted = grant(session, playable, ask);
      beforeGranting.accept(granted);
      if ("RENTAL".equals(granted.playability().entitlementSource())) {
        // Only a granted licence starts a rental's clock.
        entitlements.markPlayed(session.account(), session.title().value(), Instant.now());
      }
      record(ask, session, true, "granted", level);
      return granted;
    } catch (LicenceDenied denied) {
      record(ask, session, false, denied.rule(), level);
      throw denied;
    }
  }

  private Playability check(PlaybackGrant session, Ask ask) {
    return policy.check(
        session.account(),
        session.profile(),
        session.device(),
        session.title(),
        ask.edgeRegion(),
        ask.kind().equals("OFFLINE"));
  }

  private void record(Ask ask, PlaybackGrant s, boolean granted, String rule, SecurityLevel level) {
    audit.record(
        ask.kind(),
        granted,
        rule,
        s == null ? null : s.account().value(),
        s == null ? null : s.profile().value(),
        s == null ? null : s.device().value(),
        s == null ? null : s.sessionId(),
        s == null ? null : s.title().value(),
        ask.kids(),
        level);
  }

  private Granted grant(PlaybackGrant session, Playability playable, Ask ask) {
    boolean software = playable.securityLevel() == SecurityLevel.SOFTWARE;
    List<ContentKey> granted = new ArrayList<>();
    for (UUID kid : ask.kids()) {
      ContentKey w =
          keys.licenceKey(session.title(), kid)
              .orElseThrow(
                  () ->
                      new LicenceDenied(
                          "unknown-key-id",
                          "Key id " + kid + " does not belong to the session's title."));
      if (!w.type().allowedUpTo(playable.maxHeight())) {
        throw new LicenceDenied(
            software ? "security-level" : "plan-resolution",
            (software
                    ? "Software-decrypting devices get keys up to "
                        + PlaybackRules.SOFTWARE_MAX_HEIGHT
                        + "p"
                    : "The entitlement streams up to " + playable.maxHeight() + "p")
                + "; key "
                + kid
                + " protects "
                + w.type()
                + " video.");
      }
      granted.add(w);
    }
    // Counted with the session row when the credential was verified: one round trip fewer.
    int before = session.liveSessionsBefore();
    if (before >= playable.maxStreams()) {
      throw new LicenceDenied(
          "concurrent-streams",
          "The plan allows "
              + playable.maxStreams()
              + " stream(s) at once and "
              + before
              + " session(s) that started earlier are still playing.");
    }
    Instant expires = Instant.now().plus(ttl);
    if (session.expiresAt().isBefore(expires)) {
      expires = session.expiresAt();
    }
    return new Granted(session, playable, granted, expires);
  }
}
