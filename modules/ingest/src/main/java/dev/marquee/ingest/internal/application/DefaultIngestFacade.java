package dev.marquee.ingest.internal.application;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.ingest.api.AddedAudio;
import dev.marquee.ingest.api.IngestFacade;
import dev.marquee.ingest.api.IngestedMaster;
import dev.marquee.ingest.api.SubtitleFile;
import dev.marquee.ingest.internal.domain.AudioTrackRepository;
import dev.marquee.ingest.internal.domain.SubtitleRepository;
import dev.marquee.ingest.internal.domain.UploadRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The ingest facade: where each title's verified master is. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DefaultIngestFacade implements IngestFacade {
  @Inject UploadRepository uploads;
  @Inject UploadService service;
  @Inject SubtitleRepository subtitles;
  @Inject AudioTrackRepository audioTracks;

  @Override
  public Optional<IngestedMaster> master(TitleId title) {
    return uploads
        .completedForTitle(title.value())
        .map(u -> new IngestedMaster(title, u.storageKey(), u.sha256(), service.mediaOf(u)));
  }

  @Override
  public List<SubtitleFile> subtitles(TitleId title) {
    return subtitles.ofTitle(title.value());
  }

  @Override
  public List<AddedAudio> addedAudio(TitleId title) {
    return audioTracks.ofTitle(title.value());
  }

  @Override
  public Optional<AddedAudio> addedAudio(TitleId title, String language, String role) {
    return audioTracks.ofTitle(title.value()).stream()
        .filter(a -> a.language().equals(language) && a.role().equals(role))
        .findFirst();
  }
}
