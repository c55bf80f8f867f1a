package dev.marquee.ingest.internal.application;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.AddedAudio;
import dev.marquee.ingest.api.SubtitleFile;
import dev.marquee.ingest.api.TitleSideFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** {@link TitleSideFiles} on the subtitle and audio services the REST API uses. */
@ApplicationScoped
public class DefaultTitleSideFiles implements TitleSideFiles {
  @Inject SubtitleService subtitles;
  @Inject AudioTrackService audio;

  @Override
  public SubtitleFile addSubtitles(
      UUID actor, boolean admin, TitleId title, String language, InputStream content) {
    byte[] bytes;
    try {
      // One byte past the limit, as the REST API reads: the service refuses an oversized file.
      bytes = content.readNBytes(SubtitleService.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the subtitle file", e);
    }
    return subtitles.add(actor, admin, title.value(), language, bytes);
  }

  @Override
  public AddedAudio addAudio(
      UUID actor, boolean admin, TitleId title, String language, String role, InputStream content) {
    return audio.add(actor, admin, title.value(), language, role, content);
  }
}
