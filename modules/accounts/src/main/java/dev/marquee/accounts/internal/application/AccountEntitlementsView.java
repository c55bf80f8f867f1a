package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.AccountEntitlements;
import dev.marquee.accounts.internal.domain.Subscription;
import dev.marquee.accounts.internal.domain.TitleGrant;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Subscriptions and title grants as the api's immutable records. */
final class AccountEntitlementsView {
  private AccountEntitlementsView() {}

  static AccountEntitlements of(Optional<Subscription> subscription, List<TitleGrant> grants) {
    return new AccountEntitlements(
        subscription.map(
            s ->
                new AccountEntitlements.Subscription(
                    s.planCode(),
                    s.status().name(),
                    instant(s.periodStart()),
                    instant(s.periodEnd()))),
        grants.stream()
            .map(
                g ->
                    new AccountEntitlements.Grant(
                        g.id(),
                        g.titleId(),
                        g.kind(),
                        g.maxHeight(),
                        instant(g.grantedAt()),
                        instant(g.firstPlayedAt()),
                        instant(g.revokedAt())))
            .toList());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
