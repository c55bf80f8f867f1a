package dev.marquee.accounts.api;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier; other modules keep this, never the entity. */
public record ProfileId(UUID value) {
  public ProfileId {
    Objects.requireNonNull(value, "value");
  }

  public static ProfileId random() {
    return new ProfileId(UUID.randomUUID());
  }

  /** Parses the canonical UUID form; throws {@link IllegalArgumentException} otherwise. */
  public static ProfileId parse(String text) {
    return new ProfileId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
