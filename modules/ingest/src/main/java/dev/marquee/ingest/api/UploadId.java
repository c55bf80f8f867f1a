package dev.marquee.ingest.api;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of an upload of a master. */
public record UploadId(UUID value) {
  public UploadId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
