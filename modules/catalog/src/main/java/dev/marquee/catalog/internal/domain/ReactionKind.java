package dev.marquee.catalog.internal.domain;

/** A viewer's reaction to a title: a favourite or a like, one per profile and title. */
public enum ReactionKind {
  FAVOURITE,
  LIKE
}
