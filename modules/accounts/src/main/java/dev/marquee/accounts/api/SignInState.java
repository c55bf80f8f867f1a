package dev.marquee.accounts.api;

import java.time.Instant;

/**
 * Whether an account may sign in: locked by an administrator (since when and why; null when not
 * locked), and how many sign-ins (token families) are active now.
 */
public record SignInState(
    boolean locked, Instant lockedAt, String lockedReason, int activeSignIns) {}
