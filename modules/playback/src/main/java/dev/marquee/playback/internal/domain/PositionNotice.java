package dev.marquee.playback.internal.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The payload of a {@code playback_positions} notification (migration playback V4): profile, title,
 * device, position in ms, client time and updated_at in epoch microseconds, watched (t/f),
 * comma-separated.
 */
public final class PositionNotice {
  private PositionNotice() {}

  public static Position parse(String payload) {
    String[] f = payload.split(",", -1);
    if (f.length != 7) {
      throw new IllegalArgumentException("not a position notification: " + payload);
    }
    return new Position(
        null,
        UUID.fromString(f[0]),
        UUID.fromString(f[1]),
        UUID.fromString(f[2]),
        Long.parseLong(f[3]),
        micros(f[4]),
        null,
        f[6].startsWith("t"),
        micros(f[5]));
  }

  private static Instant micros(String epochMicros) {
    return Instant.EPOCH.plus(Long.parseLong(epochMicros), ChronoUnit.MICROS);
  }
}
