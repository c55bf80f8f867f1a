package dev.marquee.ingest.internal.domain;

import dev.marquee.ingest.api.SubtitleFile;
import java.util.List;
import java.util.UUID;

/** Subtitle files per title and language. */
public interface SubtitleRepository {
  /** Adds or replaces the title's subtitles in that language. */
  void put(
      UUID titleId,
      String language,
      String storageKey,
      int cues,
      String sourceFormat,
      UUID uploadedBy);

  List<SubtitleFile> ofTitle(UUID titleId);
}
