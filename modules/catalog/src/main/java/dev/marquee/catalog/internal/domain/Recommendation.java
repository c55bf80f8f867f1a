package dev.marquee.catalog.internal.domain;

import java.util.UUID;

/**
 * One title suggested to a profile: its score (co-watching similarity summed over the profile's
 * completed titles, or the title's popularity), why it is suggested, and, for co-watching, the
 * completed title that contributed most ("because you watched").
 */
public record Recommendation(UUID titleId, double score, Reason reason, UUID becauseOf) {
  /** Why a title is on a profile's list. */
  public enum Reason {
    CO_WATCHED,
    POPULAR
  }
}
