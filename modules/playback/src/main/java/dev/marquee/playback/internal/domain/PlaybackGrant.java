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
    int liveSessionsBefore) {}
