package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.domain.Subscription;
import dev.marquee.accounts.internal.domain.TitleGrant;
import java.time.OffsetDateTime;
import java.util.List;

/** How subscriptions and title grants look to clients. */
public final class EntitlementResponses {
  private EntitlementResponses() {}

  public record SubscriptionResponse(
      String id, String plan, String status, OffsetDateTime periodStart, OffsetDateTime periodEnd) {
    static SubscriptionResponse of(Subscription s) {
      return new SubscriptionResponse(
          s.id().toString(), s.planCode(), s.status().name(), s.periodStart(), s.periodEnd());
    }
  }

  public record GrantResponse(
      String id,
      String titleId,
      String kind,
      int maxHeight,
      OffsetDateTime grantedAt,
      OffsetDateTime startBy,
      Integer rentalHours,
      OffsetDateTime firstPlayedAt,
      OffsetDateTime revokedAt) {
    static GrantResponse of(TitleGrant g) {
      return new GrantResponse(
          g.id().toString(),
          g.titleId().toString(),
          g.kind(),
          g.maxHeight(),
          g.grantedAt(),
          g.startBy(),
          g.rentalHours(),
          g.firstPlayedAt(),
          g.revokedAt());
    }
  }

  /** Everything that entitles an account: its live subscription (or null) and its grants. */
  public record EntitlementsResponse(
      SubscriptionResponse subscription, List<GrantResponse> grants) {}
}
