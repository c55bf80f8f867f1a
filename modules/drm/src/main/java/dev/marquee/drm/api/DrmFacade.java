package dev.marquee.drm.api;

import dev.marquee.catalog.api.TitleId;
import java.util.Map;

/** What the packager and playback ask of DRM. */
public interface DrmFacade {

  /**
   * The title's key for a track type, made on first use (concurrent callers get the same key). Only
   * the packager calls this: it is the one place outside the licence server that sees keys.
   */
  ContentKey contentKey(TitleId title, TrackType type);

  /** The key ids a title's tracks are encrypted with, by track type; no key material. */
  Map<TrackType, java.util.UUID> keyIds(TitleId title);

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
  LicenceOutcomes licenceOutcomes(java.time.Instant from, java.time.Instant to);
}
