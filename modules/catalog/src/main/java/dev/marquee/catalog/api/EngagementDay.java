package dev.marquee.catalog.api;

import java.time.LocalDate;

/** Views (playback sessions started) and completions of every title together on one UTC day. */
public record EngagementDay(LocalDate day, long views, long completions) {}
