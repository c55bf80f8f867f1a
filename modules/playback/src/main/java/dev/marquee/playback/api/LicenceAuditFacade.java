package dev.marquee.playback.api;

import java.time.Instant;

/** What the console reads of the licence audit trail: every licence decision, granted or denied. */
public interface LicenceAuditFacade {

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
}
