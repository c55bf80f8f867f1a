package dev.marquee.accounts.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What entitles an account: its live subscription, if any, and its purchases and rentals. */
public record AccountEntitlements(Optional<Subscription> subscription, List<Grant> grants) {
  public AccountEntitlements {
    grants = List.copyOf(grants);
  }

  /** A plan for a period. */
  public record Subscription(String plan, String status, Instant periodStart, Instant periodEnd) {}

  /**
   * A purchase or rental of a title ({@code kind} PURCHASE or RENTAL); {@code firstPlayedAt} starts
   * a rental's window, {@code revokedAt} is set once an administrator revoked it.
   */
  public record Grant(
      UUID id,
      UUID titleId,
      String kind,
      int maxHeight,
      Instant grantedAt,
      Instant firstPlayedAt,
      Instant revokedAt) {}
}
