package dev.marquee.accounts.api;

import java.time.Instant;

/** Published (after commit) when a new account exists. */
public record AccountRegistered(AccountId accountId, Instant registeredAt) {}
