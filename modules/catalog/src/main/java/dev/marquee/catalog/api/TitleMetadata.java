package dev.marquee.catalog.api;

/**
 * A title's descriptive metadata as an admin edits it; {@code version} is the title's version (the
 * API's ETag), which an edit must name.
 */
public record TitleMetadata(
    long version,
    String name,
    String synopsis,
    String language,
    String category,
    String maturityRating,
    int releaseYear) {}
