package dev.marquee.accounts.api;

import java.time.Instant;
import java.util.UUID;

/** One recorded lock ({@code locked}) or unlock of an account: by whom, why and when. */
public record AccountLockDecision(boolean locked, UUID changedBy, String reason, Instant at) {}
