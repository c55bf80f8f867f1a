package dev.marquee.playback.internal.application;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.Entitlement;
import dev.marquee.accounts.api.EntitlementsFacade;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.api.ViewingContext;
import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.playback.internal.domain.LicenceDenied;
import dev.marquee.playback.internal.domain.Playability;
import dev.marquee.playback.internal.domain.ViewerRegion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rules that decide whether a title may be played, shared by session start and the licence
 * server so both answer alike (account, profile and device together; title published; entitlement;
 * region; availability window; offline rights; maturity cap), in the order a viewer would want to
 * hear about them.
 */
@ApplicationScoped
public class PlaybackPolicy {
  /** Software (browser, ClearKey) decryption gets keys for at most this many lines. */
  public static final int SOFTWARE_MAX_HEIGHT = 480;

  @Inject EntitlementsFacade entitlements;
  @Inject RecentTitles titles;

  /**
   * {@code production}: the viewer's region comes only from the trusted edge's header; without it
   * region-restricted titles are refused. {@code development} (the embedded default) falls back to
   * the country the viewer chose for the account, which a viewer can set to anything.
   */
  @Inject
  @ConfigProperty(name = "marquee.mode", defaultValue = "development")
  String mode;

  /**
   * @param edgeRegion the trusted edge's country header, or null to use the account's country
   * @throws LicenceDenied naming the first rule that refuses
   */
  public Playability check(
      AccountId accountId,
      ProfileId profileId,
      DeviceId deviceId,
      TitleId titleId,
      String edgeRegion,
      boolean offline) {
    Instant now = Instant.now();
    ViewingContext context =
        entitlements
            .viewingContext(accountId, profileId, deviceId, titleId.value(), now)
            .orElseThrow(
                () -> new LicenceDenied("account-closed", "The account no longer exists."));
    MaturityRating cap =
        context
            .profileCap()
            .orElseThrow(
                () ->
                    new LicenceDenied(
                        "profile-removed", "The profile is not one of the account's."));
    SecurityLevel level =
        context
            .deviceLevel()
            .orElseThrow(
                () ->
                    new LicenceDenied(
                        "device-removed", "The device is not registered to the account."));
    TitleView title =
        titles
            .title(titleId)
            .filter(t -> t.state() == TitleState.PUBLISHED)
            .orElseThrow(
                () -> new LicenceDenied("title-unavailable", "The title is not published."));
    Entitlement entitlement = context.entitlement();
    if (!entitlement.entitled()) {
      throw new LicenceDenied("not-entitled", entitlement.denial());
    }
    LicenceTerms terms = title.licence();
    boolean production = "production".equalsIgnoreCase(mode);
    String region = ViewerRegion.of(production, edgeRegion, context.country());
    if (region.isEmpty() && !terms.regions().contains("WORLD")) {
      throw new LicenceDenied(
          "region-unknown",
          production
              ? "The viewer's region is unknown: the trusted edge sent no country header."
              : "The viewer's region is unknown: no trusted edge header and no country on the"
                  + " account.");
    }
    if (!terms.regions().contains("WORLD") && !terms.regions().contains(region)) {
      throw new LicenceDenied(
          "region-blocked", "The title is not licensed for region " + region + ".");
    }
    if ((terms.availableFrom() != null && now.isBefore(terms.availableFrom()))
        || (terms.availableUntil() != null && !now.isBefore(terms.availableUntil()))) {
      throw new LicenceDenied(
          "outside-availability-window",
          "The title is available from "
              + terms.availableFrom()
              + (terms.availableUntil() == null ? "" : " until " + terms.availableUntil())
              + ".");
    }
    if (offline && !terms.offlineAllowed()) {
      throw new LicenceDenied(
          "offline-not-allowed", "The title's licence does not allow offline viewing.");
    }
    if (!cap.permits(title.maturityRating())) {
      throw new LicenceDenied(
          "maturity-cap",
          "The title is rated "
              + title.maturityRating().label()
              + ", above this profile's cap of "
              + cap.label()
              + ".");
    }
    int maxHeight = entitlement.maxHeight();
    if (level == SecurityLevel.SOFTWARE) {
      maxHeight = Math.min(maxHeight, SOFTWARE_MAX_HEIGHT);
    }
    return new Playability(
        maxHeight,
        entitlement.maxStreams(),
        entitlement.offlineLicences(),
        entitlement.source(),
        level,
        region);
  }
}
