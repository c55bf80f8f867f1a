package dev.marquee.playback.internal.domain;

import java.time.Instant;
import java.util.UUID;

/** Where a device of a profile was in a title, at the client's clock. */
public record Position(
    UUID accountId,
    UUID profileId,
    UUID titleId,
    UUID deviceId,
    long positionMs,
    Instant clientTime,
    String event,
    boolean watched,
    Instant updatedAt) {}
