package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.MaturityRating;
import dev.marquee.accounts.api.Role;
import dev.marquee.accounts.internal.domain.Account;
import dev.marquee.accounts.internal.domain.AccountRepository;
import dev.marquee.accounts.internal.domain.PasswordPolicy;
import dev.marquee.accounts.internal.domain.Profile;
import dev.marquee.accounts.internal.domain.TokenRepository;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Creates accounts (with a first profile) and changes their roles. */
@ApplicationScoped
public class RegistrationService {
  @Inject AccountRepository accounts;
  @Inject PasswordHashing hashing;
  @Inject TokenRepository tokens;

  @Transactional
  public AccountView register(String email, String password, String displayName, String country) {
    PasswordPolicy.weakness(password, email)
        .ifPresent(
            reason -> {
              throw ProblemException.badRequest("weak-password", reason);
            });
    // Hashed before the first query: a registration waiting for its turn to hash holds no
    // database connection (see PasswordHashing).
    String hash = hashing.hash(password);
    if (accounts.accountByEmail(Account.normalize(email)).isPresent()) {
      throw emailTaken();
    }
    String name =
        displayName == null || displayName.isBlank() ? email.split("@")[0] : displayName.strip();
    var now = Time.now();
    Account account = new Account(email, hash, name, normalizeCountry(country), now);
    try {
      // Flushes: a concurrent registration of the same email surfaces here as 409.
      accounts.add(account);
    } catch (PersistenceException e) {
      throw emailTaken();
    }
    accounts.add(new Profile(account.id(), truncate(name, 40), MaturityRating.AGE_18, false, now));
    return DefaultAccountsFacade.view(account);
  }

  @Transactional
  public AccountView replaceRoles(UUID accountId, Set<Role> roles) {
    Account account =
        accounts
            .account(accountId)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "account-not-found", "No account " + accountId + "."));
    EnumSet<Role> newRoles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    newRoles.add(Role.VIEWER);
    boolean removesRoles = !newRoles.containsAll(account.roles());
    account.replaceRoles(newRoles);
    if (removesRoles) {
      // Access tokens carry the roles: signed-in sessions must not keep what was taken away.
      var now = Time.now();
      tokens.activeFamiliesOfAccount(accountId).forEach(f -> f.revoke("roles-removed", now));
    }
    return DefaultAccountsFacade.view(account);
  }

  /** Creates the configured first administrator if no account has that email yet. */
  @Transactional
  public boolean ensureAdministrator(String email, String password) {
    if (accounts.accountByEmail(Account.normalize(email)).isPresent()) {
      return false;
    }
    var now = Time.now();
    Account admin = new Account(email, hashing.hash(password), "Administrator", null, now);
    admin.replaceRoles(EnumSet.of(Role.VIEWER, Role.ADMIN, Role.OPERATOR));
    accounts.add(admin);
    accounts.add(new Profile(admin.id(), "Administrator", MaturityRating.AGE_18, false, now));
    return true;
  }

  private static ProblemException emailTaken() {
    return ProblemException.conflict("email-taken", "An account with this email already exists.");
  }

  private static String normalizeCountry(String country) {
    return country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
