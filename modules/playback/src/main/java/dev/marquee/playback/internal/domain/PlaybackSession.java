package dev.marquee.playback.internal.domain;

import java.time.Instant;
import java.util.UUID;

/** One device playing one title for a profile. Live until stopped or silent past its expiry. */
public record PlaybackSession(
    UUID id,
    UUID accountId,
    UUID profileId,
    UUID deviceId,
    String deviceName,
    UUID titleId,
    String securityLevel,
    int maxHeight,
    String region,
    Instant createdAt,
    Instant lastHeartbeatAt,
    Instant expiresAt,
    Instant endedAt,
    String endReason) {

  public boolean isLive(Instant now) {
    return endedAt == null && now.isBefore(expiresAt);
  }
}
