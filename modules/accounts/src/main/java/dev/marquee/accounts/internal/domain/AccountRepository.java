package dev.marquee.accounts.internal.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts and their profiles. */
public interface AccountRepository {
  Optional<Account> account(UUID id);

  Optional<Account> accountByEmail(String normalizedEmail);

  List<Account> search(String emailFragment, int limit);

  void add(Account account);

  List<Profile> profilesOf(UUID accountId);

  Optional<Profile> profile(UUID id);

  void add(Profile profile);

  void remove(Profile profile);
}
