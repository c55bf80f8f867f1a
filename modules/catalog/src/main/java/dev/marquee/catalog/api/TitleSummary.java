package dev.marquee.catalog.api;

/** A title as a list of search results shows it. */
public record TitleSummary(
    TitleId id, String name, TitleState state, String category, int releaseYear) {}
