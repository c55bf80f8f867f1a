package dev.marquee.playback.internal.application;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.EntitlementsFacade;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.playback.internal.domain.LicenceDenied;
import dev.marquee.playback.internal.domain.Playability;
import dev.marquee.playback.internal.domain.PlaybackRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The playback rules ({@link PlaybackRules}) as session start and the licence server ask them, so
 * both answer alike: reads the viewing context from accounts and the title from catalog (held five
 * seconds), and judges at the current instant.
 */
@ApplicationScoped
public class PlaybackPolicy {
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
    return PlaybackRules.check(
        entitlements.viewingContext(accountId, profileId, deviceId, titleId.value(), now),
        () -> titles.title(titleId),
        "production".equalsIgnoreCase(mode),
        edgeRegion,
        offline,
        now);
  }
}
