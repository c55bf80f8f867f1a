package dev.marquee.platform.internal.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * While a dependency is away every request that needs it is refused with 503: hundreds a second
 * under load. The log gets the first refusal and then at most one line per {@link #EVERY} and
 * dependency, saying how many requests were refused since the line before, rather than a line per
 * request.
 */
final class OutageNotices {
  static final Duration EVERY = Duration.ofSeconds(10);

  private record Notice(Instant loggedAt, int refusedSince) {}

  private final Clock clock;
  private final Map<String, Notice> last = new HashMap<>();

  OutageNotices(Clock clock) {
    this.clock = clock;
  }

  /** Counts one refusal; returns the line to log when one is due. */
  synchronized Optional<String> refused(String dependency, String what) {
    Instant now = clock.instant();
    Notice before = last.get(dependency);
    if (before != null && now.isBefore(before.loggedAt().plus(EVERY))) {
      last.put(dependency, new Notice(before.loggedAt(), before.refusedSince() + 1));
      return Optional.empty();
    }
    last.put(dependency, new Notice(now, 0));
    int others = before == null ? 0 : before.refusedSince();
    return Optional.of(
        others == 0 ? what : what + " (and " + others + " requests refused since the last notice)");
  }
}
