package dev.marquee.catalog.api;

/** Where a title stands on its way to viewers. */
public enum TitleState {
  /** Master stored and verified; transcoding not finished. */
  INGESTED,
  PROCESSING,
  PUBLISHED,
  FAILED,
  UNPUBLISHED
}
