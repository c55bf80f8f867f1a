package dev.marquee.accounts.api;

import java.time.Instant;

/** A viewing profile of an account; kids profiles carry a low maturity cap. */
public record ProfileView(
    ProfileId id,
    AccountId accountId,
    String name,
    MaturityRating maturityCap,
    boolean kids,
    Instant createdAt) {}
