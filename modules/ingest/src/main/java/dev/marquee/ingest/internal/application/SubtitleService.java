package dev.marquee.ingest.internal.application;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.ingest.api.SubtitleFile;
import dev.marquee.ingest.api.TitleSideFiles;
import dev.marquee.ingest.internal.domain.SubtitleRepository;
import dev.marquee.ingest.internal.domain.WebVttConverter;
import dev.marquee.media.api.EmbeddedSubtitles;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/** Adds subtitle files (SRT or WebVTT, one per language) to a creator's title, as WebVTT. */
@ApplicationScoped
public class SubtitleService {
  private static final Logger LOG = Logger.getLogger(SubtitleService.class.getName());

  /** Subtitles for a feature film are a few hundred kilobytes; this leaves room to spare. */
  public static final int MAX_BYTES = TitleSideFiles.MAX_SUBTITLE_BYTES;

  @Inject CatalogFacade catalog;
  @Inject ObjectStorage storage;
  @Inject SubtitleRepository subtitles;
  @Inject TitleOwnership ownership;
  @Inject LanguageCodes languages;

  @Transactional
  public SubtitleFile add(UUID caller, boolean admin, UUID titleId, String language, byte[] body) {
    ownership.check(caller, admin, titleId);
    String code = languages.checked(language);
    if (body.length > MAX_BYTES) {
      throw new ProblemException(
          413,
          "subtitles-too-large",
          "Subtitles too large",
          "Subtitle files may have at most " + MAX_BYTES + " bytes.");
    }
    String text = new String(body, StandardCharsets.UTF_8);
    List<WebVttConverter.Cue> cues = WebVttConverter.parse(text);
    return store(
        titleId,
        code,
        cues,
        text.stripLeading().startsWith("WEBVTT") || text.startsWith("\uFEFFWEBVTT")
            ? "WEBVTT"
            : "SRT",
        caller);
  }

  /**
   * Keeps the text subtitle streams of an ingested master as the title's subtitles, one per
   * language (the first stream of a language wins); streams with no language tag, an unknown one,
   * picture-based streams and empty streams are skipped. Returns the languages kept.
   */
  @Transactional
  public List<String> addFromMaster(
      UUID titleId, List<EmbeddedSubtitles.Track> tracks, UUID owner) {
    List<String> kept = new ArrayList<>();
    for (EmbeddedSubtitles.Track track : tracks) {
      String code =
          track.language() == null ? "" : track.language().strip().toLowerCase(Locale.ROOT);
      if (!track.text() || track.cues().isEmpty() || kept.contains(code)) {
        LOG.info(() -> "Title " + titleId + ": subtitle stream " + track.index() + " skipped");
        continue;
      }
      if (!catalog.isLanguage(code)) {
        LOG.info(
            () ->
                "Title "
                    + titleId
                    + ": subtitle stream "
                    + track.index()
                    + " has no known language ("
                    + track.language()
                    + "); skipped");
        continue;
      }
      List<WebVttConverter.Cue> cues =
          track.cues().stream()
              .map(
                  c ->
                      new WebVttConverter.Cue(
                          c.startMillis(),
                          c.endMillis(),
                          "",
                          c.lines().stream().map(SubtitleService::escaped).toList()))
              .toList();
      store(titleId, code, cues, "MASTER", owner);
      kept.add(code);
    }
    return kept;
  }

  private SubtitleFile store(
      UUID titleId, String code, List<WebVttConverter.Cue> cues, String format, UUID caller) {
    byte[] vtt = WebVttConverter.toWebVtt(cues).getBytes(StandardCharsets.UTF_8);
    // Named by content: a replaced file gets a new key, so caches may keep every key forever.
    String key = "titles/" + titleId + "/subtitles/" + code + "-" + digest(vtt) + ".vtt";
    storage.put(key, vtt, "text/vtt");
    subtitles.put(titleId, code, key, cues.size(), format, caller);
    return new SubtitleFile(code, key, cues.size());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SubtitleFile> list(UUID caller, boolean admin, UUID titleId) {
    ownership.check(caller, admin, titleId);
    return subtitles.ofTitle(titleId);
  }

  /** Plain text as WebVTT cue text: its markup characters escaped. */
  private static String escaped(String line) {
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(sha, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
