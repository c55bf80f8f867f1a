package dev.marquee.accounts.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What playback and DRM ask before a viewer may watch. */
public interface EntitlementsFacade {

  /** The account's entitlement to a title at an instant: subscription, purchase or rental. */
  Entitlement entitlement(AccountId account, UUID titleId, Instant at);

  /**
   * The viewer's context for playing a title: empty when the account does not exist. One database
   * round trip (the licence server's hot path).
   */
  Optional<ViewingContext> viewingContext(
      AccountId account, ProfileId profile, DeviceId device, UUID titleId, Instant at);

  /** Starts the window of an unstarted rental of the title; does nothing for other grants. */
  void markPlayed(AccountId account, UUID titleId, Instant at);

  /** The account's live subscription and its purchases and rentals (revoked ones too). */
  AccountEntitlements entitlementsOf(AccountId account);
}
