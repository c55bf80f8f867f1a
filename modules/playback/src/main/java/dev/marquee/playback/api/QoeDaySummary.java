package dev.marquee.playback.api;

import java.time.LocalDate;

/**
 * What every viewer together experienced on one UTC day.
 *
 * @param sessions playback sessions that reported anything
 * @param startupP95Ms the 95th percentile of time from play to first frame, null without startups
 * @param rebufferRatio stalled time over stalled plus playing time (0 when nothing was played)
 */
public record QoeDaySummary(
    LocalDate day, long sessions, Double startupP95Ms, double rebufferRatio) {}
