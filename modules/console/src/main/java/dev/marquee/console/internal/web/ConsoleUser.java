package dev.marquee.console.internal.web;

import dev.marquee.accounts.api.Role;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * Who signed in to the console, kept in the server-side HTTP session (the browser holds only the
 * session cookie). Roles are read again from accounts on every request, so these are the roles as
 * of the last request; {@code sessionEnds} is how many times an administrator had ended the
 * account's sign-ins when this session began (a larger count now ends the session).
 */
public record ConsoleUser(UUID accountId, String email, Set<Role> roles, long sessionEnds)
    implements Serializable {
  public static final String SESSION_KEY = ConsoleUser.class.getName();

  public ConsoleUser {
    roles = Set.copyOf(roles);
  }

  /** For pages: Faces EL reads getters, not record accessors. */
  public String getEmail() {
    return email;
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  /** Operators and admins may use the job console. */
  public boolean isOperator() {
    return roles.contains(Role.OPERATOR) || isAdmin();
  }

  /** Only admins and operators may sign in to the console at all. */
  public boolean mayUseConsole() {
    return isOperator();
  }
}
