package dev.marquee.ingest.api;

import dev.marquee.catalog.api.TitleId;
import java.io.InputStream;
import java.util.UUID;

/**
 * Subtitle files and added audio tracks for faces other than the REST API (the admin console's
 * title page): the same rules, storage, events and problems as {@code
 * /api/ingest/titles/{id}/subtitles} and {@code /api/ingest/titles/{id}/audio}, for an account the
 * caller has already authenticated. A refusal is a {@code ProblemException} with the REST API's
 * problem type and detail.
 */
public interface TitleSideFiles {
  /** The most bytes a subtitle file may have. */
  int MAX_SUBTITLE_BYTES = 2 * 1024 * 1024;

  /**
   * Adds or replaces the title's subtitles in {@code language} from an SRT or WebVTT file, stored
   * as WebVTT. {@code admin}: the actor is an administrator and may change any creator's title.
   */
  SubtitleFile addSubtitles(
      UUID actor, boolean admin, TitleId title, String language, InputStream content);

  /**
   * Adds or replaces the title's audio track of {@code language} and {@code role} ({@link
   * AddedAudio#MAIN} or {@link AddedAudio#DESCRIPTION}); its encoding starts in the background.
   */
  AddedAudio addAudio(
      UUID actor, boolean admin, TitleId title, String language, String role, InputStream content);
}
