package dev.marquee.catalog.api;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.MaturityRating;
import java.time.Instant;

/** A title as other modules see it. */
public record TitleView(
    TitleId id,
    AccountId owner,
    String name,
    String synopsis,
    String language,
    String category,
    MaturityRating maturityRating,
    int releaseYear,
    LicenceTerms licence,
    TitleState state,
    Long durationMillis,
    Instant createdAt) {}
