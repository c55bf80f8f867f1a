package dev.marquee.playback.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Which licence decisions to read; every criterion is optional (null): the title, the account,
 * {@code outcome} GRANTED or DENIED, the {@code rule} that decided (granted, security-level,
 * region...), and decisions at or after {@code from} and before {@code to}.
 */
public record LicenceAuditQuery(
    UUID titleId, UUID accountId, String outcome, String rule, Instant from, Instant to) {}
