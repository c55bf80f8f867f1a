package dev.marquee.catalog.internal.domain;

import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.catalog.api.TitleState;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a profile may be shown at one instant: titles that are published, licensed in its account's
 * region (or worldwide), inside their availability window and within its maturity cap. Applied when
 * a precomputed list is read, so a title unpublished, expired or re-rated after the job ran never
 * reaches a viewer.
 *
 * @param region the account's country (ISO 3166 alpha-2, upper case), or null when unknown: then
 *     only worldwide titles
 */
public record ViewerScope(MaturityRating cap, String region, Instant now) {
  /** A suggested title as the catalog holds it now. */
  public record Candidate(
      UUID titleId,
      String name,
      TitleState state,
      MaturityRating rating,
      Set<String> regions,
      Instant availableFrom,
      Instant availableUntil) {}

  public boolean admits(Candidate t) {
    return t.state() == TitleState.PUBLISHED
        && cap.permits(t.rating())
        && (t.regions().contains("WORLD") || (region != null && t.regions().contains(region)))
        && !now.isBefore(t.availableFrom())
        && (t.availableUntil() == null || now.isBefore(t.availableUntil()));
  }
}
