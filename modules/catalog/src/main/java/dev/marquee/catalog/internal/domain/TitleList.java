package dev.marquee.catalog.internal.domain;

import java.time.Instant;
import java.util.List;

/** A profile's list with its titles in order. */
public record TitleList(
    String id, String name, List<String> titleIds, Instant createdAt, Instant updatedAt) {
  /** How many lists a profile may keep. */
  public static final int MAX_LISTS = 50;

  /** How many titles a list may hold. */
  public static final int MAX_ITEMS = 500;
}
