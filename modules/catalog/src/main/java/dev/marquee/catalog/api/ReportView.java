package dev.marquee.catalog.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A viewer's report on a title, as moderators see it: {@code state} OPEN, DISMISSED or ACTIONED
 * (the title was unpublished); who resolved it, when and with which note once resolved (null
 * before).
 */
public record ReportView(
    UUID id,
    TitleId titleId,
    String titleName,
    UUID accountId,
    String reason,
    String text,
    String state,
    Instant createdAt,
    UUID resolvedBy,
    Instant resolvedAt,
    String resolution) {}
