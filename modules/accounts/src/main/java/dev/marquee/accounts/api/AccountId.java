package dev.marquee.accounts.api;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier; other modules keep this, never the entity. */
public record AccountId(UUID value) {
  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  public static AccountId random() {
    return new AccountId(UUID.randomUUID());
  }

  /** Parses the canonical UUID form; throws {@link IllegalArgumentException} otherwise. */
  public static AccountId parse(String text) {
    return new AccountId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
