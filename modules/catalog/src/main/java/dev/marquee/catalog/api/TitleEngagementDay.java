package dev.marquee.catalog.api;

import java.time.LocalDate;

/**
 * One title's engagement on one UTC day.
 *
 * @param views playback sessions started that day
 * @param completions profiles that reached the end that day (each once a day)
 * @param likes the title's likes given by the end of that day and not taken back since
 */
public record TitleEngagementDay(
    TitleId title, LocalDate day, long views, long completions, long likes) {}
