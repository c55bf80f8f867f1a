package dev.marquee.catalog.internal.domain;

import dev.marquee.platform.api.ProblemException;

/** Which picture of a title: its poster or its backdrop. */
public enum ArtworkKind {
  POSTER,
  BACKDROP;

  /** The kind named (any case); 404 {@code artwork-not-found} for another name. */
  public static ArtworkKind of(String name) {
    for (ArtworkKind k : values()) {
      if (k.name().equalsIgnoreCase(name)) {
        return k;
      }
    }
    throw ProblemException.notFound(
        "artwork-not-found", "Artwork is poster or backdrop, not " + name + ".");
  }
}
