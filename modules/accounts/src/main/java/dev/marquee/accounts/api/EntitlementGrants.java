package dev.marquee.accounts.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The port where payment plugs in. Marquee takes no payments: administrators grant and revoke
 * through the admin API, and a payment provider's adapter (a webhook receiver for subscription and
 * checkout events, say) calls exactly these operations once a payment has settled or been refunded.
 * Each operation is idempotent on its natural key so a redelivered event changes nothing.
 */
public interface EntitlementGrants {

  /** Gives the account the plan until {@code periodEnd}, replacing any active subscription. */
  UUID subscribe(AccountId account, String planCode, Instant periodEnd);

  /** Ends the account's active subscription now; false when there was none. */
  boolean cancelSubscription(AccountId account);

  /** Records a purchase of a title, watchable up to {@code maxHeight}. */
  UUID purchase(AccountId account, UUID titleId, int maxHeight);

  /**
   * Records a rental: it must be started before {@code startBy} and is watchable for {@code hours}
   * from the first play.
   */
  UUID rent(AccountId account, UUID titleId, int maxHeight, Instant startBy, int hours);

  /** Revokes a purchase or rental (a refund); false when it does not exist or is revoked. */
  boolean revokeGrant(AccountId account, UUID grantId);
}
