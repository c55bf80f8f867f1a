package dev.marquee.drm.api;

import dev.marquee.catalog.api.TitleId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the packager and playback ask of DRM. */
public interface DrmFacade {

  /**
   * The title's key for a track type, made on first use (concurrent callers get the same key). Only
   * the packager calls this: it is the one place outside the licence server that sees keys.
   */
  ContentKey contentKey(TitleId title, TrackType type);

  /** The key ids a title's tracks are encrypted with, by track type; no key material. */
  Map<TrackType, UUID> keyIds(TitleId title);

  /**
   * The licence audit trail, newest first, {@code limit} (1 to 1000) at a time; {@code cursor} is
   * the previous page's {@code next} (keyset paging on time and id, stable while decisions arrive).
   * 400 {@code invalid-query} (an outcome other than GRANTED or DENIED), {@code invalid-cursor}.
   */
  LicenceDecisionPage licenceDecisions(LicenceAuditQuery query, int limit, String cursor);

  /**
   * How many licence decisions (every kind) granted and denied keys at or after {@code from} and
   * before {@code to}: the same rows the audit trail lists for that period and outcome.
   */
  LicenceOutcomes licenceOutcomes(Instant from, Instant to);

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
