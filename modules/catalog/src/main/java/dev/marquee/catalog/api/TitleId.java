package dev.marquee.catalog.api;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a title; other modules keep this, never the entity. */
public record TitleId(UUID value) {
  public TitleId {
    Objects.requireNonNull(value, "value");
  }

  public static TitleId parse(String text) {
    return new TitleId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
