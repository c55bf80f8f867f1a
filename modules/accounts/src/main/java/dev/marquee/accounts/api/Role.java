package dev.marquee.accounts.api;

import java.util.Locale;

/** What an account may do. The lower-case name is the JWT group and the Jakarta security role. */
public enum Role {
  VIEWER,
  CREATOR,
  ADMIN,
  OPERATOR;

  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a role name in any case; throws {@link IllegalArgumentException} for unknown names. */
  public static Role fromName(String name) {
    return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
  }
}
