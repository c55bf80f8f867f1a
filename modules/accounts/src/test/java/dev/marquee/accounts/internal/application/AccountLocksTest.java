package dev.marquee.accounts.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.accounts.api.AccountLockDecision;
import dev.marquee.accounts.api.SignInState;
import dev.marquee.accounts.internal.domain.Account;
import dev.marquee.accounts.internal.domain.AccountLockChange;
import dev.marquee.accounts.internal.domain.AccountRepository;
import dev.marquee.accounts.internal.domain.DeviceAuthorization;
import dev.marquee.accounts.internal.domain.OAuthClient;
import dev.marquee.accounts.internal.domain.Profile;
import dev.marquee.accounts.internal.domain.RefreshToken;
import dev.marquee.accounts.internal.domain.SessionsEnding;
import dev.marquee.accounts.internal.domain.TokenFamily;
import dev.marquee.accounts.internal.domain.TokenRepository;
import dev.marquee.platform.api.ProblemException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Locking and unlocking over in-memory repositories (the SQL is proven by the system tests). */
class AccountLocksTest {
  private final UUID admin = UUID.randomUUID();
  private final Account account =
      new Account("viewer@example.com", "hash", "V", "GB", OffsetDateTime.now());
  private final List<TokenFamily> families = new ArrayList<>();
  private final List<AccountLockChange> changes = new ArrayList<>();
  private final List<SessionsEnding> endings = new ArrayList<>();
  private final AccountLocks locks = new AccountLocks();

  @BeforeEach
  void anAccountWithTwoSignIns() {
    locks.accounts = new Accounts();
    locks.tokens = new Tokens();
    families.add(new TokenFamily(account.id(), null, "marquee-web", OffsetDateTime.now()));
    families.add(new TokenFamily(account.id(), null, "marquee-cli", OffsetDateTime.now()));
  }

  @Test
  void lockingRevokesEverySignInAndIsRecordedWithWhoAndWhy() {
    SignInState state = locks.lock(account.id(), admin, "  password leaked  ");

    assertThat(state.locked()).isTrue();
    assertThat(state.lockedReason()).isEqualTo("password leaked");
    assertThat(state.activeSignIns()).isZero();
    assertThat(families).hasSize(2).allMatch(TokenFamily::isRevoked);
    List<AccountLockDecision> decisions = locks.decisions(account.id());
    assertThat(decisions).hasSize(1);
    assertThat(decisions.get(0).locked()).isTrue();
    assertThat(decisions.get(0).changedBy()).isEqualTo(admin);
    assertThat(decisions.get(0).reason()).isEqualTo("password leaked");
  }

  @Test
  void unlockingRestoresSignInAndIsRecordedNewestFirst() {
    locks.lock(account.id(), admin, "checking");
    SignInState state = locks.unlock(account.id(), admin, "owner verified");

    assertThat(state.locked()).isFalse();
    assertThat(account.isLocked()).isFalse();
    assertThat(locks.decisions(account.id()))
        .extracting(AccountLockDecision::locked, AccountLockDecision::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(false, "owner verified"),
            org.assertj.core.groups.Tuple.tuple(true, "checking"));
  }

  @Test
  void refusalsNameTheProblemAndChangeNothing() {
    assertThat(problem(() -> locks.lock(account.id(), admin, " "))).isEqualTo("reason-required");
    assertThat(problem(() -> locks.lock(account.id(), admin, "x".repeat(501))))
        .isEqualTo("reason-required");
    assertThat(problem(() -> locks.lock(account.id(), account.id(), "me")))
        .isEqualTo("cannot-lock-yourself");
    assertThat(problem(() -> locks.lock(UUID.randomUUID(), admin, "who")))
        .isEqualTo("account-not-found");
    assertThat(problem(() -> locks.unlock(account.id(), admin, "not locked")))
        .isEqualTo("account-not-locked");
    assertThat(account.isLocked()).isFalse();
    assertThat(families).noneMatch(TokenFamily::isRevoked);
    assertThat(changes).isEmpty();

    locks.lock(account.id(), admin, "once");
    assertThat(problem(() -> locks.lock(account.id(), admin, "twice")))
        .isEqualTo("account-already-locked");
    assertThat(changes).hasSize(1);
  }

  @Test
  void endingSessionsRevokesEverySignInWithoutALockAndIsRecorded() {
    SignInState state = locks.endSessions(account.id(), admin, " shared password ");

    assertThat(state.locked()).isFalse();
    assertThat(state.activeSignIns()).isZero();
    assertThat(state.sessionEnds()).isEqualTo(1);
    assertThat(families).hasSize(2).allMatch(TokenFamily::isRevoked);
    assertThat(locks.sessionEndings(account.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.endedBy()).isEqualTo(admin);
              assertThat(e.reason()).isEqualTo("shared password");
              assertThat(e.signIns()).isEqualTo(2);
            });
    assertThat(changes).isEmpty();
    assertThat(problem(() -> locks.endSessions(account.id(), admin, "")))
        .isEqualTo("reason-required");
    assertThat(problem(() -> locks.endSessions(UUID.randomUUID(), admin, "who")))
        .isEqualTo("account-not-found");
  }

  @Test
  void theLockedProblemIsA403ThatOAuthClientsUnderstand() {
    ProblemException locked = AccountLocks.lockedProblem();
    assertThat(locked.status()).isEqualTo(403);
    assertThat(locked.type()).isEqualTo("account-locked");
  }

  private static String problem(Runnable action) {
    try {
      action.run();
    } catch (ProblemException e) {
      return e.type();
    }
    throw new AssertionError("no problem was raised");
  }

  private class Accounts implements AccountRepository {
    @Override
    public Optional<Account> account(UUID id) {
      return id.equals(account.id()) ? Optional.of(account) : Optional.empty();
    }

    @Override
    public Optional<Account> accountByEmail(String normalizedEmail) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Account> search(String emailFragment, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Account> search(String emailFragment, int offset, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long count(String emailFragment) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void record(AccountLockChange change) {
      changes.add(change);
    }

    @Override
    public List<AccountLockChange> lockChanges(UUID accountId) {
      List<AccountLockChange> newestFirst = new ArrayList<>(changes);
      java.util.Collections.reverse(newestFirst);
      return newestFirst;
    }

    @Override
    public void record(SessionsEnding ending) {
      endings.add(ending);
    }

    @Override
    public List<SessionsEnding> sessionEndings(UUID accountId) {
      List<SessionsEnding> newestFirst = new ArrayList<>(endings);
      java.util.Collections.reverse(newestFirst);
      return newestFirst;
    }

    @Override
    public long countSessionEndings(UUID accountId) {
      return endings.size();
    }

    @Override
    public void add(Account a) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Profile> profilesOf(UUID accountId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Profile> profile(UUID id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void add(Profile profile) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void remove(Profile profile) {
      throw new UnsupportedOperationException();
    }
  }

  private class Tokens implements TokenRepository {
    @Override
    public List<TokenFamily> activeFamiliesOfAccount(UUID accountId) {
      return families.stream()
          .filter(f -> f.accountId().equals(accountId) && !f.isRevoked())
          .toList();
    }

    @Override
    public Optional<OAuthClient> client(String clientId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TokenFamily> family(UUID id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Set<UUID> activeAmong(Collection<UUID> familyIds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<TokenFamily> activeFamiliesOfDevice(UUID deviceId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void add(TokenFamily family) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RefreshToken> refreshTokenForUpdate(String tokenHash) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void add(RefreshToken token) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<DeviceAuthorization> deviceAuthorizationForUpdate(String deviceCodeHash) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<DeviceAuthorization> deviceAuthorizationByUserCodeForUpdate(String userCode) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void add(DeviceAuthorization authorization) {
      throw new UnsupportedOperationException();
    }
  }
}
