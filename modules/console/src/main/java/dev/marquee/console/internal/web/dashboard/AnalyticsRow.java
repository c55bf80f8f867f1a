package dev.marquee.console.internal.web.dashboard;

import dev.marquee.catalog.api.TitleEngagementDay;
import dev.marquee.playback.api.QoeTitleOnDay;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One title's figures on one UTC day: engagement from catalog and QoE from playback, joined by
 * title and day. Likes are the title's likes by the end of the day, known only for a day the title
 * was viewed or completed (empty otherwise); startup p95 is empty without startups.
 */
public record AnalyticsRow(
    String titleId,
    String day,
    long views,
    long completions,
    String likes,
    long sessions,
    String startupP95,
    String rebuffer)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private record Key(UUID title, LocalDate day) {}

  /** Every (title, day) that has either, oldest day first, then by title id. */
  static List<AnalyticsRow> join(List<TitleEngagementDay> engagement, List<QoeTitleOnDay> quality) {
    Map<Key, TitleEngagementDay> e = new LinkedHashMap<>();
    engagement.forEach(x -> e.put(new Key(x.title().value(), x.day()), x));
    Map<Key, QoeTitleOnDay> q = new LinkedHashMap<>();
    quality.forEach(x -> q.put(new Key(x.titleId(), x.day()), x));
    List<Key> keys = new ArrayList<>(e.keySet());
    q.keySet().stream().filter(k -> !e.containsKey(k)).forEach(keys::add);
    return keys.stream()
        .sorted(Comparator.comparing(Key::day).thenComparing(Key::title))
        .map(k -> of(k.title(), k.day(), e.get(k), q.get(k)))
        .toList();
  }

  /** One title's rows, one for every day of the range (a day with nothing as zeros). */
  static List<AnalyticsRow> everyDay(
      UUID title, DayRange range, List<TitleEngagementDay> e, List<QoeTitleOnDay> q) {
    Map<String, AnalyticsRow> known = new LinkedHashMap<>();
    join(e, q).forEach(r -> known.put(r.day(), r));
    return DaySeries.days(range.from(), range.to()).stream()
        .map(d -> known.getOrDefault(d.toString(), of(title, d, null, null)))
        .toList();
  }

  private static AnalyticsRow of(UUID title, LocalDate day, TitleEngagementDay e, QoeTitleOnDay q) {
    return new AnalyticsRow(
        title.toString(),
        day.toString(),
        e == null ? 0 : e.views(),
        e == null ? 0 : e.completions(),
        e == null ? "" : Long.toString(e.likes()),
        q == null ? 0 : q.sessions(),
        q == null || q.startupP95Ms() == null ? "" : Long.toString(Math.round(q.startupP95Ms())),
        String.format(Locale.ROOT, "%.2f", q == null ? 0 : 100 * q.rebufferRatio()));
  }

  public String getDay() {
    return day;
  }

  public long getViews() {
    return views;
  }

  public long getCompletions() {
    return completions;
  }

  public String getLikes() {
    return likes;
  }

  public long getSessions() {
    return sessions;
  }

  public String getStartupP95() {
    return startupP95;
  }

  public String getRebuffer() {
    return rebuffer;
  }
}
