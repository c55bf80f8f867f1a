package dev.marquee.drm.api;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.catalog.api.TitleId;

/**
 * The rules that decide whether a title may be played, shared by session start (playback) and the
 * licence server so both answer alike: account, profile and device together; title published;
 * entitlement; region; availability window; offline rights; maturity cap.
 */
public interface PlaybackPolicy {

  /**
   * @param edgeRegion the trusted edge's country header, or null to use the account's country
   * @throws LicenceDenied naming the first rule that refuses
   */
  Playability check(
      AccountId account,
      ProfileId profile,
      DeviceId device,
      TitleId title,
      String edgeRegion,
      boolean offline);
}
