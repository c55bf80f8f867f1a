package dev.marquee.accounts.api;

import java.time.Instant;

/** A device registered to an account. */
public record DeviceView(
    DeviceId id,
    AccountId accountId,
    String name,
    DeviceType type,
    SecurityLevel securityLevel,
    Instant registeredAt,
    Instant lastSeenAt) {}
