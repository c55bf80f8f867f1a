package dev.marquee.catalog.internal.domain;

import java.util.Optional;
import java.util.UUID;

/** Titles and the category list. */
public interface TitleRepository {
  Optional<Title> title(UUID id);

  void add(Title title);

  /** Published titles, newest first. */
  java.util.List<Title> published(int limit);

  boolean categoryExists(String slug);
}
