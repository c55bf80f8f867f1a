package dev.marquee.drm.api;

import dev.marquee.catalog.api.TitleId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The key vault: what the packager and playback's licence server ask of drm. drm decides no licence
 * (playback does, ADR 45); it makes, keeps and wraps the keys.
 */
public interface DrmFacade {

  /**
   * The title's key for a track type, made on first use (concurrent callers get the same key). Only
   * the packager calls this; the licence server reads keys through {@link #licenceKey}.
   */
  ContentKey contentKey(TitleId title, TrackType type);

  /** The key ids a title's tracks are encrypted with, by track type; no key material. */
  Map<TrackType, UUID> keyIds(TitleId title);

  /**
   * The title's key for a key id, unwrapped, or empty when the key id is not one of the title's.
   * Only playback's licence server calls this, after it granted a licence for the title (ADR 45);
   * keys read for a title are held in this server's memory for a minute, so a burst of licences for
   * one title unwraps its keys once.
   */
  Optional<ContentKey> licenceKey(TitleId title, UUID keyId);

  /**
   * Which key-encryption keys wrap the content keys: ids, the active one and counts only, never key
   * material. A KEK that is no longer configured but still wraps keys is listed too.
   */
  KeyWrapping keyWrapping();

  /**
   * Re-wraps every content key under the active key-encryption key (the code path of {@code POST
   * /api/drm/keys/rewrap}) and records it in the key actions with {@code actor} and {@code via}
   * ({@code API} or {@code CONSOLE}). All or nothing: 503 {@code kek-unavailable} when a content
   * key is wrapped by a KEK that is not configured (nothing is re-wrapped, the failure is
   * recorded).
   */
  KeyRewrapOutcome rewrapContentKeys(UUID actor, String via);

  /** The latest key actions (re-wraps, done and failed), newest first, at most {@code limit}. */
  List<KeyAction> keyActions(int limit);
}
