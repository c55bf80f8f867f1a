package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.api.AccountView;
import dev.marquee.accounts.api.Role;
import java.time.Instant;
import java.util.List;

/** An account as its owner or an admin sees it. */
public record AccountResponse(
    String id,
    String email,
    String displayName,
    String country,
    List<String> roles,
    Instant createdAt) {
  static AccountResponse of(AccountView a) {
    return new AccountResponse(
        a.id().toString(),
        a.email(),
        a.displayName(),
        a.country(),
        a.roles().stream().map(Role::roleName).sorted().toList(),
        a.createdAt());
  }
}
