package dev.marquee.accounts.internal.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts and their profiles. */
public interface AccountRepository {
  Optional<Account> account(UUID id);

  Optional<Account> accountByEmail(String normalizedEmail);

  List<Account> search(String emailFragment, int limit);

  /** One page of the accounts whose email contains the fragment, oldest first. */
  List<Account> search(String emailFragment, int offset, int limit);

  long count(String emailFragment);

  void record(AccountLockChange change);

  /** The account's lock and unlock decisions, newest first. */
  List<AccountLockChange> lockChanges(UUID accountId);

  void record(SessionsEnding ending);

  /** Each time an administrator ended the account's sign-ins, newest first. */
  List<SessionsEnding> sessionEndings(UUID accountId);

  long countSessionEndings(UUID accountId);

  void add(Account account);

  List<Profile> profilesOf(UUID accountId);

  Optional<Profile> profile(UUID id);

  void add(Profile profile);

  void remove(Profile profile);
}
