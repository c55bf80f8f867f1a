package dev.marquee.playback.internal.domain;

import dev.marquee.accounts.api.Entitlement;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.api.ViewingContext;
import dev.marquee.catalog.api.LicenceTerms;
import dev.marquee.catalog.api.TitleState;
import dev.marquee.catalog.api.TitleView;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules that decide whether a title may be played, in the order a viewer would want to hear
 * about them: account, profile and device together; title published; entitlement; region;
 * availability window; offline rights; maturity cap. Then the resolution: the plan's, and at most
 * {@link #SOFTWARE_MAX_HEIGHT} lines for a device that decrypts in software. Pure: what the rules
 * read and the instant they judge at are arguments.
 */
public final class PlaybackRules {
  /** Software (browser, ClearKey) decryption gets keys for at most this many lines. */
  public static final int SOFTWARE_MAX_HEIGHT = 480;

  private PlaybackRules() {}

  /**
   * @param viewingContext the account's viewing context, empty when the account is gone
   * @param titleView the title, read only once the account, profile and device passed
   * @param production whether the region comes only from the trusted edge's header ({@code
   *     marquee.mode=production}); otherwise the account's country stands in for a missing header
   * @param edgeRegion the trusted edge's country header, or null
   * @param offline whether the play is an offline licence's
   * @param now the instant the availability window is judged at
   * @throws LicenceDenied naming the first rule that refuses
   */
  public static Playability check(
      Optional<ViewingContext> viewingContext,
      Supplier<Optional<TitleView>> titleView,
      boolean production,
      String edgeRegion,
      boolean offline,
      Instant now) {
    ViewingContext context =
        viewingContext.orElseThrow(
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
        titleView
            .get()
            .filter(t -> t.state() == TitleState.PUBLISHED)
            .orElseThrow(
                () -> new LicenceDenied("title-unavailable", "The title is not published."));
    Entitlement entitlement = context.entitlement();
    if (!entitlement.entitled()) {
      throw new LicenceDenied("not-entitled", entitlement.denial());
    }
    LicenceTerms terms = title.licence();
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
        region,
        context.deviceName());
  }
}
