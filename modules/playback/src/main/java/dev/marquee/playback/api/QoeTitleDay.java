package dev.marquee.playback.api;

import java.util.UUID;

/**
 * What viewers of one title experienced on one UTC day.
 *
 * @param startupP95Ms the 95th percentile of time from play to first frame, null without startups
 * @param rebufferRatio stalled time over stalled plus playing time (0 when nothing was played)
 */
public record QoeTitleDay(UUID titleId, long sessions, Double startupP95Ms, double rebufferRatio) {}
