package dev.marquee.playback.internal.application;

import dev.marquee.platform.api.ProblemException;
import dev.marquee.playback.api.QoeDaySummary;
import dev.marquee.playback.internal.domain.QoeDay;
import dev.marquee.playback.internal.domain.QoeEvent;
import dev.marquee.playback.internal.persistence.QoeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Takes players' QoE reports (checked event by event: a bad report is refused whole and nothing of
 * it is stored), counts them as metrics, and serves aggregates per title and day.
 */
@ApplicationScoped
public class QoeService {
  /** Events per report: a player flushes every few seconds, so this is far above need. */
  public static final int MAX_EVENTS = 200;

  /** Longest aggregate range in days. */
  static final int MAX_DAYS = 366;

  private static final long DAY_MS = 86_400_000L;
  private static final Set<String> NEEDS_VALUE = Set.of("STARTUP", "REBUFFER_END", "PLAYED");
  static final Set<String> TYPES =
      Set.of(
          "STARTUP", "REBUFFER_START", "REBUFFER_END", "BITRATE_SWITCH", "PLAYED", "ERROR", "END");

  @Inject QoeStore store;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  /** Stores a report; returns how many of its events were new. */
  public int report(QoeStore.Reporter who, List<QoeEvent> events) {
    if (events == null || events.isEmpty()) {
      throw ProblemException.badRequest("no-events", "A QoE report needs at least one event.");
    }
    if (events.size() > MAX_EVENTS) {
      throw new ProblemException(
          413,
          "too-many-events",
          "Report too large",
          "A QoE report may carry at most " + MAX_EVENTS + " events, not " + events.size() + ".");
    }
    for (int i = 0; i < events.size(); i++) {
      check(i, events.get(i));
    }
    List<QoeEvent> fresh = store.insert(who, events);
    for (QoeEvent e : fresh) {
      count(e);
    }
    return fresh.size();
  }

  public List<QoeDay> days(UUID title, LocalDate from, LocalDate to) {
    checkRange(from, to);
    return store.days(title, from, to);
  }

  /** Every title together per day. */
  public List<QoeDaySummary> totals(LocalDate from, LocalDate to) {
    checkRange(from, to);
    return store.totals(from, to);
  }

  private static void checkRange(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw ProblemException.badRequest(
          "invalid-range", "from (" + from + ") is after to (" + to + ").");
    }
    if (to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
      throw ProblemException.badRequest(
          "invalid-range", "Ask for at most " + MAX_DAYS + " days at a time.");
    }
  }

  private static void check(int i, QoeEvent e) {
    String at = "events[" + i + "].";
    if (e == null) {
      throw invalid(at.substring(0, at.length() - 1), "must be an object");
    }
    if (e.type() == null || !TYPES.contains(e.type())) {
      throw invalid(at + "type", "must be one of " + String.join(", ", new TreeSet<>(TYPES)));
    }
    if (e.seq() < 0 || e.seq() > 1_000_000) {
      throw invalid(at + "seq", "must be between 0 and 1000000");
    }
    if (e.clientTime() == null) {
      throw invalid(at + "clientTime", "is required (ISO-8601 instant)");
    }
    if (NEEDS_VALUE.contains(e.type()) && e.valueMs() == null) {
      throw invalid(at + "valueMs", "is required for " + e.type());
    }
    if (e.valueMs() != null && (e.valueMs() < 0 || e.valueMs() > DAY_MS)) {
      throw invalid(at + "valueMs", "must be between 0 and " + DAY_MS);
    }
    if (e.bitrate() != null && (e.bitrate() < 0 || e.bitrate() > 1_000_000_000L)) {
      throw invalid(at + "bitrate", "must be between 0 and 1000000000 bit/s");
    }
    if (e.height() != null && (e.height() < 0 || e.height() > 8640)) {
      throw invalid(at + "height", "must be between 0 and 8640");
    }
    if (e.code() != null && !e.code().matches("[A-Za-z0-9._:-]{1,64}")) {
      throw invalid(at + "code", "must be 1-64 letters, digits or . _ : -");
    }
  }

  private static ProblemException invalid(String field, String message) {
    return new ProblemException(
        400,
        "validation-failed",
        "Request validation failed",
        field + " " + message + ".",
        Map.of("errors", List.of(Map.of("field", field, "message", message))));
  }

  private void count(QoeEvent e) {
    metrics.counter("marquee.qoe.events", new Tag("type", e.type().toLowerCase(Locale.ROOT))).inc();
    switch (e.type()) {
      case "REBUFFER_END" -> metrics.counter("marquee.qoe.rebuffer.milliseconds").inc(e.valueMs());
      case "PLAYED" -> metrics.counter("marquee.qoe.played.milliseconds").inc(e.valueMs());
      case "STARTUP" -> metrics.histogram("marquee.qoe.startup.milliseconds").update(e.valueMs());
      default -> {}
    }
  }
}
