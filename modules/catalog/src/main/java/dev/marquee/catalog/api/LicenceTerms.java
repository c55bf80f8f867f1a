package dev.marquee.catalog.api;

import java.time.Instant;
import java.util.Set;

/**
 * Where and when a title may be watched: ISO 3166-1 alpha-2 regions (or {@code WORLD}), an
 * availability window (no end = open-ended), and whether downloads for offline viewing are allowed.
 */
public record LicenceTerms(
    Set<String> regions, Instant availableFrom, Instant availableUntil, boolean offlineAllowed) {
  public LicenceTerms {
    regions = regions == null ? Set.of() : Set.copyOf(regions);
  }
}
