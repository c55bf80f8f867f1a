package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.AccountEntitlements;
import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.Entitlement;
import dev.marquee.accounts.api.EntitlementGrants;
import dev.marquee.accounts.api.EntitlementsFacade;
import dev.marquee.accounts.api.PlanView;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.accounts.api.ViewingContext;
import dev.marquee.accounts.internal.domain.EntitlementRules;
import dev.marquee.accounts.internal.domain.Plan;
import dev.marquee.accounts.internal.domain.Subscription;
import dev.marquee.accounts.internal.domain.TitleGrant;
import dev.marquee.accounts.internal.persistence.ViewingContextQuery;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscriptions, purchases and rentals, and the decision built from them. An active subscription
 * gives its plan's limits for every title; a purchase or a running rental gives its own resolution
 * with one stream and a few offline licences. When both apply the better limits win.
 */
@ApplicationScoped
public class EntitlementService implements EntitlementsFacade, EntitlementGrants {
  @PersistenceContext(unitName = "accounts")
  EntityManager em;

  @Inject ViewingContextQuery contexts;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PlanView> plans() {
    return em
        .createQuery("SELECT p FROM Plan p ORDER BY p.maxHeight", Plan.class)
        .getResultList()
        .stream()
        .map(Plan::view)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Subscription> activeSubscription(UUID account) {
    return em.createQuery(
            "SELECT s FROM Subscription s WHERE s.accountId = :a AND s.status = :active",
            Subscription.class)
        .setParameter("a", account)
        .setParameter("active", Subscription.Status.ACTIVE)
        .getResultStream()
        .findFirst();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TitleGrant> grants(UUID account) {
    return em.createQuery(
            "SELECT g FROM TitleGrant g WHERE g.accountId = :a ORDER BY g.grantedAt DESC",
            TitleGrant.class)
        .setParameter("a", account)
        .getResultList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public AccountEntitlements entitlementsOf(AccountId account) {
    return AccountEntitlementsView.of(activeSubscription(account.value()), grants(account.value()));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Entitlement entitlement(AccountId account, UUID titleId, Instant at) {
    Optional<Subscription> sub = activeSubscription(account.value());
    Optional<PlanView> plan = sub.map(s -> em.find(Plan.class, s.planCode()).view());
    return EntitlementRules.decide(
        sub.map(s -> new EntitlementRules.SubscriptionFacts(s.periodStart(), s.periodEnd())),
        plan,
        grantsFor(account.value(), titleId),
        at);
  }

  @Override
  public Optional<ViewingContext> viewingContext(
      AccountId account, ProfileId profile, DeviceId device, UUID titleId, Instant at) {
    return contexts.read(account.value(), profile.value(), device.value(), titleId, at);
  }

  private List<TitleGrant> grantsFor(UUID account, UUID titleId) {
    return em.createQuery(
            "SELECT g FROM TitleGrant g WHERE g.accountId = :a AND g.titleId = :t",
            TitleGrant.class)
        .setParameter("a", account)
        .setParameter("t", titleId)
        .getResultList();
  }

  @Override
  @Transactional
  public void markPlayed(AccountId account, UUID titleId, Instant at) {
    for (TitleGrant grant : grantsFor(account.value(), titleId)) {
      if (grant.isRental()
          && grant.firstPlayedAt() == null
          && grant.denialAt(at.atOffset(ZoneOffset.UTC)) == null) {
        em.lock(grant, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(grant);
        grant.markPlayed(at.atOffset(ZoneOffset.UTC));
      }
    }
  }

  @Override
  @Transactional
  public UUID subscribe(AccountId account, String planCode, Instant periodEnd) {
    OffsetDateTime now = Time.now();
    if (em.find(Plan.class, planCode) == null) {
      throw ProblemException.badRequest(
          "unknown-plan", "Plan " + planCode + " does not exist; see /api/accounts/plans.");
    }
    if (!periodEnd.isAfter(now.toInstant())) {
      throw ProblemException.badRequest(
          "invalid-period", "The subscription period must end in the future.");
    }
    activeSubscription(account.value()).ifPresent(s -> s.cancel(now));
    em.flush();
    Subscription s =
        new Subscription(account.value(), planCode, now, periodEnd.atOffset(ZoneOffset.UTC));
    em.persist(s);
    return s.id();
  }

  @Override
  @Transactional
  public boolean cancelSubscription(AccountId account) {
    Optional<Subscription> active = activeSubscription(account.value());
    active.ifPresent(s -> s.cancel(Time.now()));
    return active.isPresent();
  }

  @Override
  @Transactional
  public UUID purchase(AccountId account, UUID titleId, int maxHeight) {
    TitleGrant g = TitleGrant.purchase(account.value(), titleId, maxHeight, Time.now());
    em.persist(g);
    return g.id();
  }

  @Override
  @Transactional
  public UUID rent(AccountId account, UUID titleId, int maxHeight, Instant startBy, int hours) {
    OffsetDateTime now = Time.now();
    if (!startBy.isAfter(now.toInstant())) {
      throw ProblemException.badRequest(
          "invalid-period", "A rental must be startable: startBy is in the past.");
    }
    TitleGrant g =
        TitleGrant.rental(
            account.value(), titleId, maxHeight, now, startBy.atOffset(ZoneOffset.UTC), hours);
    em.persist(g);
    return g.id();
  }

  @Override
  @Transactional
  public boolean revokeGrant(AccountId account, UUID grantId) {
    TitleGrant g = em.find(TitleGrant.class, grantId);
    return g != null && g.accountId().equals(account.value()) && g.revoke(Time.now());
  }
}
