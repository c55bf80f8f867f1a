package dev.marquee.accounts.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One time an administrator ended every sign-in of an account without locking it: by whom, why, how
 * many token families were active then, and when.
 */
public record SessionsEnded(UUID endedBy, String reason, int signIns, Instant at) {}
