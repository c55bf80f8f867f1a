package dev.marquee.ingest.api;

import dev.marquee.catalog.api.TitleId;
import java.util.Optional;

/** What other modules (transcode) may ask of ingest. */
public interface IngestFacade {
  Optional<IngestedMaster> master(TitleId title);

  /** The title's subtitle files, one per language, as WebVTT in object storage. */
  java.util.List<SubtitleFile> subtitles(TitleId title);
}
