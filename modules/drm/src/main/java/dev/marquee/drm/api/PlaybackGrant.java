package dev.marquee.drm.api;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.catalog.api.TitleId;
import java.time.Instant;
import java.util.UUID;

/** A verified, live playback session: who watches what on which device, until when. */
public record PlaybackGrant(
    UUID sessionId,
    AccountId account,
    ProfileId profile,
    DeviceId device,
    TitleId title,
    Instant expiresAt) {}
