package dev.marquee.console.internal.web.accounts;

import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.Role;
import java.io.Serializable;
import java.time.Instant;
import java.util.stream.Collectors;

/** An account in the search results (Faces EL reads getters). */
public record AccountRow(String id, String email, String displayName, String roles, Instant created)
    implements Serializable {
  static AccountRow of(AccountView a) {
    return new AccountRow(
        a.id().value().toString(),
        a.email(),
        a.displayName(),
        a.roles().stream().map(Role::roleName).sorted().collect(Collectors.joining(", ")),
        a.createdAt());
  }

  public String getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getRoles() {
    return roles;
  }

  public Instant getCreated() {
    return created;
  }
}
