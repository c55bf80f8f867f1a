package dev.marquee.accounts.internal.persistence;

import dev.marquee.accounts.internal.domain.Account;
import dev.marquee.accounts.internal.domain.AccountLockChange;
import dev.marquee.accounts.internal.domain.AccountRepository;
import dev.marquee.accounts.internal.domain.Profile;
import dev.marquee.accounts.internal.domain.SessionsEnding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {
  @PersistenceContext(unitName = "accounts")
  private EntityManager em;

  @Override
  public Optional<Account> account(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  @Override
  public Optional<Account> accountByEmail(String normalizedEmail) {
    return em.createNamedQuery("Account.byEmail", Account.class)
        .setParameter("email", normalizedEmail)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Account> search(String emailFragment, int limit) {
    return search(emailFragment, 0, limit);
  }

  @Override
  public List<Account> search(String emailFragment, int offset, int limit) {
    return em.createNamedQuery("Account.search", Account.class)
        .setParameter("pattern", pattern(emailFragment))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(String emailFragment) {
    return em.createNamedQuery("Account.count", Long.class)
        .setParameter("pattern", pattern(emailFragment))
        .getSingleResult();
  }

  /** A LIKE pattern matching the fragment anywhere, its own % and _ taken literally. */
  static String pattern(String emailFragment) {
    String escaped = emailFragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + Account.normalize(escaped) + "%";
  }

  @Override
  public void record(AccountLockChange change) {
    em.persist(change);
  }

  @Override
  public List<AccountLockChange> lockChanges(UUID accountId) {
    return em.createNamedQuery("AccountLockChange.ofAccount", AccountLockChange.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  @Override
  public void record(SessionsEnding ending) {
    em.persist(ending);
  }

  @Override
  public List<SessionsEnding> sessionEndings(UUID accountId) {
    return em.createNamedQuery("SessionsEnding.ofAccount", SessionsEnding.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  @Override
  public long countSessionEndings(UUID accountId) {
    return em.createNamedQuery("SessionsEnding.count", Long.class)
        .setParameter("account", accountId)
        .getSingleResult();
  }

  @Override
  public void add(Account account) {
    em.persist(account);
    // Profiles reference the account; EclipseLink does not order unrelated inserts.
    em.flush();
  }

  @Override
  public List<Profile> profilesOf(UUID accountId) {
    return em.createNamedQuery("Profile.ofAccount", Profile.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  @Override
  public Optional<Profile> profile(UUID id) {
    return Optional.ofNullable(em.find(Profile.class, id));
  }

  @Override
  public void add(Profile profile) {
    em.persist(profile);
  }

  @Override
  public void remove(Profile profile) {
    em.remove(profile);
  }
}
