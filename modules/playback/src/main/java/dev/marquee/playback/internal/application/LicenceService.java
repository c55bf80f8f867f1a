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
    PlaybackGrant session = null;
    // The device's level once the playback rules read it, for the audit (null if refused before).
    SecurityLevel[] level = new SecurityLevel[1];
    try {
      session = ask.credential().verify(sessions);
      Granted granted = grant(session, ask, level);
      beforeGranting.accept(granted);
      if ("RENTAL".equals(granted.playability().entitlementSource())) {
        // Only a granted licence starts a rental's clock.
        entitlements.markPlayed(session.account(), session.title().value(), Instant.now());
      }
      record(ask, session, true, "granted", level[0]);
      return granted;
    } catch (LicenceDenied denied) {
      record(ask, session, false, denied.rule(), level[0]);
      throw denied;
    }
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

  private Granted grant(PlaybackGrant session, Ask ask, SecurityLevel[] level) {
    Playability playable =
        policy.check(
            session.account(),
            session.profile(),
            session.device(),
            session.title(),
            ask.edgeRegion(),
            ask.kind().equals("OFFLINE"));
    level[0] = playable.securityLevel();
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
