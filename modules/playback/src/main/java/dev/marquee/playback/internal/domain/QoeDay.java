package dev.marquee.playback.internal.domain;

import java.time.LocalDate;

/**
 * What viewers of one title experienced on one (UTC) day.
 *
 * @param startupP50Ms median time from play to first frame, null without startups
 * @param rebufferRatio stalled time over stalled plus playing time
 * @param averageBitrate time-weighted bitrate of what was played (bit/s), null if nothing played
 * @param errorRate sessions that reported an error over all sessions
 */
public record QoeDay(
    String titleId,
    LocalDate day,
    long sessions,
    long startups,
    Double startupP50Ms,
    Double startupP95Ms,
    long rebuffers,
    long rebufferMs,
    long playedMs,
    double rebufferRatio,
    Long averageBitrate,
    long bitrateSwitches,
    long errorSessions,
    double errorRate,
    long ended) {}
