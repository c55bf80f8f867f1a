package dev.marquee.drm.api;

/**
 * One key-encryption key as the content keys use it: its id (never its material), whether it is
 * configured ({@code MARQUEE_DRM_KEKS}), whether it is the active one, and how many content keys it
 * wraps. A KEK that wraps keys but is no longer configured cannot unwrap them.
 */
public record KekUse(String kekId, boolean configured, boolean active, long contentKeys) {}
