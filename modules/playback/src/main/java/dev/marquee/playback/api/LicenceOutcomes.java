package dev.marquee.playback.api;

/** How many licence decisions of a period granted keys and how many denied them. */
public record LicenceOutcomes(long granted, long denied) {}
