package dev.marquee.accounts.api;

import java.time.Instant;
import java.util.UUID;

/** One recorded decision on a device's security level: by whom, why and when. */
public record DeviceSecurityDecision(
    SecurityLevel previous, SecurityLevel level, UUID changedBy, String reason, Instant at) {}
