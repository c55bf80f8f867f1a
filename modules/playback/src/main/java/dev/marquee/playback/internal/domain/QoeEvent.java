package dev.marquee.playback.internal.domain;

import java.time.Instant;

/**
 * One thing a player reported about its session.
 *
 * @param seq the player's sequence number within the session (a resent event is ignored)
 * @param type STARTUP (valueMs: play pressed to first frame), REBUFFER_START, REBUFFER_END
 *     (valueMs: the stall), BITRATE_SWITCH (bitrate and height of the new variant), PLAYED (valueMs
 *     of playing at bitrate since the last PLAYED), ERROR (code), END (code: why)
 */
public record QoeEvent(
    int seq,
    String type,
    Instant clientTime,
    Long valueMs,
    Long bitrate,
    Integer height,
    String code) {}
