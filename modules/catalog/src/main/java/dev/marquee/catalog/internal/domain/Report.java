package dev.marquee.catalog.internal.domain;

import java.time.Instant;

/** A viewer's report of a title, as moderators see it. */
public record Report(
    String id,
    String titleId,
    String titleName,
    String accountId,
    String reason,
    String text,
    String state,
    Instant createdAt,
    String resolvedBy,
    Instant resolvedAt,
    String resolution) {}
