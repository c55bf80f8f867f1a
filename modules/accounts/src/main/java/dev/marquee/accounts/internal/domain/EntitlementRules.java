package dev.marquee.accounts.internal.domain;

import dev.marquee.accounts.api.Entitlement;
import dev.marquee.accounts.api.PlanView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** How subscriptions, purchases and rentals add up to an entitlement. */
public final class EntitlementRules {
  /** Streams and offline licences of an account that only bought or rented the title. */
  public static final int GRANT_STREAMS = 1;

  public static final int GRANT_OFFLINE_LICENCES = 3;

  private EntitlementRules() {}

  /** An active subscription's period, however it was read. */
  public record SubscriptionFacts(OffsetDateTime periodStart, OffsetDateTime periodEnd) {}

  /**
   * The entitlement rules: an active subscription within its period gives its plan's limits; a
   * purchase or running rental gives its own resolution with one stream and a few offline licences;
   * when both apply the better limits win.
   */
  public static Entitlement decide(
      Optional<SubscriptionFacts> subscription,
      Optional<PlanView> plan,
      List<TitleGrant> grants,
      Instant at) {
    OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
    Entitlement best = null;
    String why = "The account has no subscription and has not bought or rented this title.";
    if (subscription.isPresent() && plan.isPresent()) {
      SubscriptionFacts s = subscription.get();
      if (!when.isBefore(s.periodStart()) && when.isBefore(s.periodEnd())) {
        PlanView p = plan.get();
        best =
            new Entitlement(
                true,
                "SUBSCRIPTION",
                Optional.of(p.code()),
                p.maxHeight(),
                p.maxStreams(),
                p.offlineLicences(),
                null);
      } else {
        why = "The subscription's period ended at " + s.periodEnd() + ".";
      }
    }
    // Purchases first: when a purchase and a rental give the same, the rental's clock stays off.
    List<TitleGrant> ordered = new ArrayList<>(grants);
    ordered.sort(Comparator.comparing(TitleGrant::isRental));
    for (TitleGrant grant : ordered) {
      String denial = grant.denialAt(when);
      if (denial != null) {
        if (best == null) {
          why = denial;
        }
        continue;
      }
      if (best == null) {
        best =
            new Entitlement(
                true,
                grant.kind(),
                Optional.empty(),
                grant.maxHeight(),
                GRANT_STREAMS,
                GRANT_OFFLINE_LICENCES,
                null);
      } else if (grant.maxHeight() > best.maxHeight()) {
        // The grant supplies the resolution, so it is what is in use (a rental's clock starts).
        best =
            new Entitlement(
                true,
                grant.kind(),
                best.plan(),
                grant.maxHeight(),
                best.maxStreams(),
                best.offlineLicences(),
                null);
      }
    }
    return best != null ? best : Entitlement.denied(why);
  }
}
