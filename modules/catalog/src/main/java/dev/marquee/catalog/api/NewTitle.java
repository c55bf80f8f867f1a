package dev.marquee.catalog.api;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.MaturityRating;

/** A title as a creator describes it when uploading its master. */
public record NewTitle(
    AccountId owner,
    String name,
    String synopsis,
    String language,
    String category,
    MaturityRating maturityRating,
    int releaseYear,
    LicenceTerms licence) {}
