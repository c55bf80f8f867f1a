package dev.marquee.catalog.internal.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Titles and the category list. */
public interface TitleRepository {
  Optional<Title> title(UUID id);

  /**
   * The title, its row locked until the transaction ends: changes that other servers may make at
   * the same moment (a job's state on two servers) wait for each other instead of failing.
   */
  Optional<Title> titleForUpdate(UUID id);

  void add(Title title);

  /** Published titles, newest first. */
  List<Title> published(int limit);

  boolean categoryExists(String slug);
}
