package dev.marquee.ingest.internal.rest;

import dev.marquee.platform.api.ProblemException;
import java.util.UUID;

/** A title id from a path: one that is not a UUID names no title. */
final class TitleIds {
  private TitleIds() {}

  static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("title-not-found", "No title " + id + ".");
    }
  }
}
