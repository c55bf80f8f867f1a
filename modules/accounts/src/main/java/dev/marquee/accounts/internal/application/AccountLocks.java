package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.AccountLockDecision;
import dev.marquee.accounts.api.SessionsEnded;
import dev.marquee.accounts.api.SignInState;
import dev.marquee.accounts.internal.domain.Account;
import dev.marquee.accounts.internal.domain.AccountLockChange;
import dev.marquee.accounts.internal.domain.AccountRepository;
import dev.marquee.accounts.internal.domain.SessionsEnding;
import dev.marquee.accounts.internal.domain.TokenFamily;
import dev.marquee.accounts.internal.domain.TokenRepository;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Administrators lock an account (stolen, abused) and unlock it, or end every sign-in of it without
 * a lock (each recorded with who and why). Locking and revoking every sign-in of the account commit
 * together, so from the moment the lock is acknowledged no token of the account works; while
 * locked, every way to sign in answers {@link #lockedProblem()}.
 */
@ApplicationScoped
public class AccountLocks {
  static final int MAX_REASON = 500;

  @Inject AccountRepository accounts;
  @Inject TokenRepository tokens;

  /** What a locked account's sign-in gets: 403, with the OAuth2 members clients look for. */
  public static ProblemException lockedProblem() {
    String detail = "This account is locked by an administrator; contact support to unlock it.";
    return new ProblemException(
        403,
        "account-locked",
        "Account locked",
        detail,
        Map.of("error", "invalid_grant", "error_description", detail));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SignInState> state(UUID accountId) {
    return accounts.account(accountId).map(this::state);
  }

  @Transactional
  public SignInState lock(UUID accountId, UUID administrator, String reason) {
    String why = reason(reason);
    if (accountId.equals(administrator)) {
      throw ProblemException.conflict(
          "cannot-lock-yourself", "An administrator cannot lock their own account.");
    }
    Account account = existing(accountId);
    OffsetDateTime now = Time.now();
    if (!account.lock(why, now)) {
      throw ProblemException.conflict(
          "account-already-locked", "The account " + account.email() + " is already locked.");
    }
    accounts.record(new AccountLockChange(accountId, true, administrator, why, now));
    tokens.activeFamiliesOfAccount(accountId).forEach(f -> f.revoke("account-locked", now));
    return state(account);
  }

  @Transactional
  public SignInState unlock(UUID accountId, UUID administrator, String reason) {
    String why = reason(reason);
    Account account = existing(accountId);
    if (!account.unlock()) {
      throw ProblemException.conflict(
          "account-not-locked", "The account " + account.email() + " is not locked.");
    }
    accounts.record(new AccountLockChange(accountId, false, administrator, why, Time.now()));
    return state(account);
  }

  /** Revokes every sign-in of the account and records it; the account stays as it was. */
  @Transactional
  public SignInState endSessions(UUID accountId, UUID administrator, String reason) {
    String why = reason(reason);
    Account account = existing(accountId);
    OffsetDateTime now = Time.now();
    List<TokenFamily> families = tokens.activeFamiliesOfAccount(accountId);
    families.forEach(f -> f.revoke("sessions-ended", now));
    accounts.record(new SessionsEnding(accountId, administrator, why, families.size(), now));
    return state(account);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SessionsEnded> sessionEndings(UUID accountId) {
    return accounts.sessionEndings(accountId).stream()
        .map(e -> new SessionsEnded(e.endedBy(), e.reason(), e.signIns(), e.at().toInstant()))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AccountLockDecision> decisions(UUID accountId) {
    return accounts.lockChanges(accountId).stream()
        .map(
            c -> new AccountLockDecision(c.locked(), c.changedBy(), c.reason(), c.at().toInstant()))
        .toList();
  }

  /** The reason every lock and unlock must carry, stripped; 400 {@code reason-required}. */
  static String reason(String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      throw ProblemException.badRequest(
          "reason-required",
          "reason: say why (1 to " + MAX_REASON + " characters); it is kept with the decision.");
    }
    return why;
  }

  private Account existing(UUID accountId) {
    return accounts
        .account(accountId)
        .orElseThrow(
            () -> ProblemException.notFound("account-not-found", "No account has id " + accountId));
  }

  private SignInState state(Account a) {
    return new SignInState(
        a.isLocked(),
        a.lockedAt() == null ? null : a.lockedAt().toInstant(),
        a.lockedReason(),
        tokens.activeFamiliesOfAccount(a.id()).size(),
        accounts.countSessionEndings(a.id()));
  }
}
