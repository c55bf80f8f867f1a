package dev.marquee.playback.internal.domain;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.catalog.api.TitleId;
import java.time.Instant;
import java.util.UUID;

/**
 * A verified, live playback session: who watches what on which device, until when.
 *
 * @param liveSessionsBefore how many of the account's live sessions started before this one,
 *     counted when the session was verified (in the same database round trip)
 */
public record PlaybackGrant(
    UUID sessionId,
    AccountId account,
    ProfileId profile,
    DeviceId device,
    TitleId title,
    Instant expiresAt,
    int liveSessionsBefore) {

  /** The grant of a stored session, good until {@code until}. */
  public static PlaybackGrant of(PlaybackSession s, Instant until, int liveSessionsBefore) {
    return new PlaybackGrant(
        s.id(),
        new AccountId(s.accountId()),
        new ProfileId(s.profileId()),
        new DeviceId(s.deviceId()),
        new TitleId(s.titleId()),
        until,
        liveSessionsBefore);
  }
}
