package dev.marquee.accounts.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What other modules may ask of accounts. Everything returned is an immutable view. */
public interface AccountsFacade {

  Optional<AccountView> account(AccountId id);

  Optional<ProfileView> profile(ProfileId id);

  List<ProfileView> profiles(AccountId id);

  /** A registered, not removed device of the account. */
  Optional<DeviceView> device(DeviceId id);

  /**
   * Which of these sign-ins (the {@code sid} claim of access tokens) are still active: not signed
   * out, not revoked. Streams that outlive a request ask this to end when their sign-in does.
   */
  Set<UUID> activeSignIns(Collection<UUID> signIns);

  /**
   * The account whose email and password these are (empty if either is wrong), for sign-ins that
   * are not OAuth token grants (the console's form). Checked like a token grant's password: the
   * same Argon2id hash, an account being erased is unknown, and wrong passwords count against the
   * same limits per address and per account (a 429 problem once exceeded).
   */
  Optional<AccountView> checkPassword(String email, String password, String address);

  /** Accounts whose email contains the fragment (any case), oldest first, one page. */
  AccountPage findAccounts(String emailFragment, int offset, int limit);

  /** The account's registered, not removed devices. */
  List<DeviceView> devices(AccountId id);

  /** Whether the account is locked and how many sign-ins it has; empty for no such account. */
  Optional<SignInState> signInState(AccountId id);

  /**
   * Locks the account for {@code reason}, as {@code administrator}: it cannot sign in until
   * unlocked (the token endpoint and the console answer 403 {@code account-locked}) and every
   * sign-in it has is revoked at once. Recorded with who and why. Problems: 404 {@code
   * account-not-found}, 400 {@code reason-required}, 409 {@code account-already-locked}, 409 {@code
   * cannot-lock-yourself}.
   */
  SignInState lock(AccountId id, UUID administrator, String reason);

  /** Unlocks the account (recorded); 409 {@code account-not-locked} if it was not locked. */
  SignInState unlock(AccountId id, UUID administrator, String reason);

  /** The account's lock and unlock decisions, newest first. */
  List<AccountLockDecision> lockDecisions(AccountId id);

  /**
   * Ends every sign-in of the account now, as {@code administrator}, without locking it: its token
   * families are revoked (access tokens fail on their next request, refresh tokens are refused) and
   * its console session ends on its next request; it may sign in again at once. Recorded with who,
   * why and how many sign-ins were active. Problems: 404 {@code account-not-found}, 400 {@code
   * reason-required}.
   */
  SignInState endSessions(AccountId id, UUID administrator, String reason);

  /** Each time an administrator ended every sign-in of the account, newest first. */
  List<SessionsEnded> sessionEndings(AccountId id);

  /**
   * An administrator decides a device's security level (ADR 17: per device, never per model),
   * recorded with the reason. Problems: 404 {@code device-not-found}, 400 {@code reason-required},
   * 409 {@code software-only-device} (browsers and desktop apps stay SOFTWARE).
   */
  DeviceView changeSecurityLevel(
      AccountId account, DeviceId device, SecurityLevel level, UUID administrator, String reason);

  /** The recorded decisions on a device's security level, newest first. */
  List<DeviceSecurityDecision> securityDecisions(AccountId account, DeviceId device);
}
