package dev.marquee.accounts.api;

import java.util.List;
import java.util.Optional;

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
  java.util.Set<java.util.UUID> activeSignIns(java.util.Collection<java.util.UUID> signIns);

  /**
   * The account whose email and password these are (empty if either is wrong), for sign-ins that
   * are not OAuth token grants (the console's form). Checked like a token grant's password: the
   * same Argon2id hash, an account being erased is unknown, and wrong passwords count against the
   * same limits per address and per account (a 429 problem once exceeded).
   */
  Optional<AccountView> checkPassword(String email, String password, String address);
}
