package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountLockDecision;
import dev.marquee.accounts.api.AccountPage;
import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.DeviceId;
import dev.marquee.accounts.api.DeviceSecurityDecision;
import dev.marquee.accounts.api.DeviceView;
import dev.marquee.accounts.api.ProfileId;
import dev.marquee.accounts.api.ProfileView;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.api.SessionsEnded;
import dev.marquee.accounts.api.SignInState;
import dev.marquee.accounts.internal.domain.Account;
import dev.marquee.accounts.internal.domain.AccountRepository;
import dev.marquee.accounts.internal.domain.Device;
import dev.marquee.accounts.internal.domain.DeviceRepository;
import dev.marquee.accounts.internal.domain.ErasureRequestRepository;
import dev.marquee.accounts.internal.domain.Profile;
import dev.marquee.accounts.internal.domain.TokenRepository;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts facade: entities in, immutable views out. Reads only, so it joins a caller's
 * transaction when there is one and otherwise reads without BEGIN/COMMIT round trips.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DefaultAccountsFacade implements AccountsFacade {
  @Inject AccountRepository accounts;
  @Inject DeviceRepository devices;
  @Inject TokenRepository tokens;
  @Inject ErasureRequestRepository erasures;
  @Inject PasswordHashing hashing;
  @Inject AccountLimits limits;
  @Inject AccountLocks locks;
  @Inject DeviceRegistryService deviceRegistry;

  @Override
  public Optional<AccountView> account(AccountId id) {
    return accounts.account(id.value()).map(DefaultAccountsFacade::view);
  }

  @Override
  public Optional<ProfileView> profile(ProfileId id) {
    return accounts.profile(id.value()).map(DefaultAccountsFacade::view);
  }

  @Override
  public List<ProfileView> profiles(AccountId id) {
    return accounts.profilesOf(id.value()).stream().map(DefaultAccountsFacade::view).toList();
  }

  /** Accounts whose email contains the fragment, oldest first. */
  public List<AccountView> search(String emailFragment, int limit) {
    return accounts.search(emailFragment, limit).stream().map(DefaultAccountsFacade::view).toList();
  }

  @Override
  public Optional<DeviceView> device(DeviceId id) {
    return devices.device(id.value()).filter(d -> !d.isRemoved()).map(DefaultAccountsFacade::view);
  }

  @Override
  public Set<UUID> activeSignIns(Collection<UUID> signIns) {
    return tokens.activeAmong(signIns);
  }

  @Override
  public Optional<AccountView> checkPassword(String email, String password, String address) {
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      return Optional.empty();
    }
    String normalized = Account.normalize(email);
    try {
      return Optional.of(
          limits.signIn(
              address,
              normalized,
              () -> {
                Optional<Account> account =
                    accounts.accountByEmail(normalized).filter(a -> !erasures.isPending(a.id()));
                String hash = account.map(Account::passwordHash).orElse(hashing.decoy());
                // The hash runs for unknown emails too, so timing does not tell which exist.
                if (!hashing.matches(password, hash) || account.isEmpty()) {
                  throw OAuthProblems.badCredentials();
                }
                if (account.get().isLocked()) {
                  throw AccountLocks.lockedProblem();
                }
                return view(account.get());
              }));
    } catch (ProblemException e) {
      if ("invalid-credentials".equals(e.type())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public AccountPage findAccounts(String emailFragment, int offset, int limit) {
    String fragment = emailFragment == null ? "" : emailFragment;
    return new AccountPage(
        accounts.search(fragment, Math.max(0, offset), Math.max(1, Math.min(limit, 500))).stream()
            .map(DefaultAccountsFacade::view)
            .toList(),
        accounts.count(fragment));
  }

  @Override
  public List<DeviceView> devices(AccountId id) {
    return devices.activeOf(id.value()).stream().map(DefaultAccountsFacade::view).toList();
  }

  @Override
  public Optional<SignInState> signInState(AccountId id) {
    return locks.state(id.value());
  }

  @Override
  public SignInState lock(AccountId id, UUID administrator, String reason) {
    return locks.lock(id.value(), administrator, reason);
  }

  @Override
  public SignInState unlock(AccountId id, UUID administrator, String reason) {
    return locks.unlock(id.value(), administrator, reason);
  }

  @Override
  public List<AccountLockDecision> lockDecisions(AccountId id) {
    return locks.decisions(id.value());
  }

  @Override
  public SignInState endSessions(AccountId id, UUID administrator, String reason) {
    return locks.endSessions(id.value(), administrator, reason);
  }

  @Override
  public List<SessionsEnded> sessionEndings(AccountId id) {
    return locks.sessionEndings(id.value());
  }

  @Override
  public DeviceView changeSecurityLevel(
      AccountId account, DeviceId device, SecurityLevel level, UUID administrator, String reason) {
    return deviceRegistry.changeSecurityLevel(
        account.value(), device.value(), level, administrator, AccountLocks.reason(reason));
  }

  @Override
  public List<DeviceSecurityDecision> securityDecisions(AccountId account, DeviceId device) {
    return deviceRegistry.securityChanges(account.value(), device.value()).stream()
        .map(
            c ->
                new DeviceSecurityDecision(
                    c.previous(), c.level(), c.changedBy(), c.reason(), c.at()))
        .toList();
  }

  public static AccountView view(Account a) {
    return new AccountView(
        new AccountId(a.id()),
        a.email(),
        a.displayName(),
        a.country(),
        a.roles(),
        a.createdAt().toInstant());
  }

  public static ProfileView view(Profile p) {
    return new ProfileView(
        new ProfileId(p.id()),
        new AccountId(p.accountId()),
        p.name(),
        p.maturityCap(),
        p.kids(),
        p.createdAt().toInstant());
  }

  public static DeviceView view(Device d) {
    return new DeviceView(
        new DeviceId(d.id()),
        new AccountId(d.accountId()),
        d.name(),
        d.type(),
        d.securityLevel(),
        d.registeredAt().toInstant(),
        d.lastSeenAt().toInstant());
  }
}
