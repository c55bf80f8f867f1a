package dev.marquee.playback.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What viewers of one title experienced on one UTC day, with the day.
 *
 * @param startupP95Ms the 95th percentile of time from play to first frame, null without startups
 * @param rebufferRatio stalled time over stalled plus playing time (0 when nothing was played)
 */
public record QoeTitleOnDay(
    UUID titleId, LocalDate day, long sessions, Double startupP95Ms, double rebufferRatio) {}
