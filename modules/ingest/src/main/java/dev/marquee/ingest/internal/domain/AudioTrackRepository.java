package dev.marquee.ingest.internal.domain;

import dev.marquee.ingest.api.AddedAudio;
import java.util.List;
import java.util.UUID;

/** Audio tracks added to titles, one per language and role. */
public interface AudioTrackRepository {
  /** Adds or replaces the title's track in that language and role. */
  void put(UUID titleId, AddedAudio track, UUID addedBy);

  List<AddedAudio> ofTitle(UUID titleId);
}
