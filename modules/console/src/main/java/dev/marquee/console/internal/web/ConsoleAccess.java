package dev.marquee.console.internal.web;

import dev.marquee.accounts.api.AccountId;
import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.accounts.api.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Who a console session belongs to now: the account as accounts has it at this moment (roles read
 * again, a locked or removed account, or one whose sessions an admin ended, is nobody). The access
 * filter asks on every request; a live stream asks again while it stays open, so a role taken away
 * or a sign-out ends it too.
 */
@ApplicationScoped
public class ConsoleAccess {
  @Inject AccountsFacade accounts;

  /** The session's user with current roles; empty if the session ended or the account may not. */
  public Optional<ConsoleUser> current(HttpSession session) {
    Object held;
    try {
      held = session == null ? null : session.getAttribute(ConsoleUser.SESSION_KEY);
    } catch (IllegalStateException invalidated) {
      return Optional.empty();
    }
    if (!(held instanceof ConsoleUser u)) {
      return Optional.empty();
    }
    AccountId id = new AccountId(u.accountId());
    // A locked account's console session ends like its API sign-ins, and so does one whose
    // sign-ins an administrator ended after it began.
    return accounts
        .account(id)
        .filter(
            a ->
                accounts
                    .signInState(id)
                    .map(s -> !s.locked() && s.sessionEnds() == u.sessionEnds())
                    .orElse(false))
        .map(a -> new ConsoleUser(a.id().value(), a.email(), a.roles(), u.sessionEnds()));
  }

  /** Whether the session's user may still use a page that needs {@code role}. */
  public boolean allows(HttpSession session, Role role) {
    return current(session).filter(u -> ConsolePaths.allows(u, Optional.of(role))).isPresent();
  }
}
