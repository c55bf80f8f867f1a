package dev.marquee.playback.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One licence decision of the audit trail: when, which kind of request (STREAMING, OFFLINE,
 * HLS_KEY), GRANTED or DENIED and the rule that decided, who on which device, the device's security
 * level as the decision saw it (null when the request was refused before it was read), the title
 * and the key ids asked for. Fields the request never established (a forged token) are null.
 */
public record LicenceDecision(
    long id,
    Instant at,
    String kind,
    String outcome,
    String rule,
    UUID accountId,
    UUID profileId,
    UUID deviceId,
    UUID sessionId,
    UUID titleId,
    String keyIds,
    String securityLevel) {}
