package dev.marquee.playback.internal.domain;

import dev.marquee.accounts.api.SecurityLevel;

/**
 * What a viewer may play of a title on a device right now: the highest rung (the least of plan or
 * purchase, device security level and nothing else), the plan's stream limit, and why; and the
 * device's name, for the session's record.
 */
public record Playability(
    int maxHeight,
    int maxStreams,
    int offlineLicences,
    String entitlementSource,
    SecurityLevel securityLevel,
    String region,
    String deviceName) {}
