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
}
