package dev.marquee.accounts.api;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier; other modules keep this, never the entity. */
public record DeviceId(UUID value) {
  public DeviceId {
    Objects.requireNonNull(value, "value");
  }

  public static DeviceId random() {
    return new DeviceId(UUID.randomUUID());
  }

  /** Parses the canonical UUID form; throws {@link IllegalArgumentException} otherwise. */
  public static DeviceId parse(String text) {
    return new DeviceId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
