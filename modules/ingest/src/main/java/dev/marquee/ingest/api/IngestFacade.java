package dev.marquee.ingest.api;

import dev.marquee.catalog.api.TitleId;
import java.util.List;
import java.util.Optional;

/** What other modules (transcode) may ask of ingest. */
public interface IngestFacade {
  Optional<IngestedMaster> master(TitleId title);

  /** The title's subtitle files, one per language, as WebVTT in object storage. */
  List<SubtitleFile> subtitles(TitleId title);

  /** The audio tracks added to the title after its master, by language and role. */
  List<AddedAudio> addedAudio(TitleId title);

  /** One added audio track, if the title has it. */
  Optional<AddedAudio> addedAudio(TitleId title, String language, String role);
}
