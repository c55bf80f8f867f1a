package dev.marquee.playback.api;

import java.util.List;

/** One page of licence decisions, newest first; {@code next} is null on the last page. */
public record LicenceDecisionPage(List<LicenceDecision> decisions, String next) {
  public LicenceDecisionPage {
    decisions = List.copyOf(decisions);
  }
}
