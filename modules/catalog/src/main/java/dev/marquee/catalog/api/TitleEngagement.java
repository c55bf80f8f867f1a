package dev.marquee.catalog.api;

/** One title's views and completions on one UTC day. */
public record TitleEngagement(TitleId title, long views, long completions) {}
