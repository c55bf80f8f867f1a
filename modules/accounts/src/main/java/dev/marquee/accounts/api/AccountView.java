package dev.marquee.accounts.api;

import java.time.Instant;
import java.util.Set;

/** An account as other modules see it. */
public record AccountView(
    AccountId id,
    String email,
    String displayName,
    String country,
    Set<Role> roles,
    Instant createdAt) {
  public AccountView {
    roles = Set.copyOf(roles);
  }
}
