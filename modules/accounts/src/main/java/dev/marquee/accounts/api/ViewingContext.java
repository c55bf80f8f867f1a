package dev.marquee.accounts.api;

import java.util.Optional;

/**
 * Everything playback rules need from accounts about one viewer, device and title, read in one
 * round trip: the account's country, the profile's maturity cap and the device's security level
 * (empty when the profile or device is not, or no longer, the account's), the entitlement, and the
 * device's name (null when its security level is empty), which a playback session records.
 */
public record ViewingContext(
    String country,
    Optional<MaturityRating> profileCap,
    Optional<SecurityLevel> deviceLevel,
    Entitlement entitlement,
    String deviceName) {}
