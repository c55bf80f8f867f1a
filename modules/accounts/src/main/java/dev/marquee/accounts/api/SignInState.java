package dev.marquee.accounts.api;

import java.time.Instant;

/**
 * Whether an account may sign in: locked by an administrator (since when and why; null when not
 * locked), how many sign-ins (token families) are active now, and how many times an administrator
 * ended every sign-in of it ({@code sessionEnds}: a console session that began when the count was
 * smaller has ended).
 */
public record SignInState(
    boolean locked, Instant lockedAt, String lockedReason, int activeSignIns, long sessionEnds) {}
