package dev.marquee.console.internal.web.dashboard;

import dev.marquee.catalog.api.TitleEngagement;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.playback.api.QoeTitleDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** One title's day: engagement from catalog and QoE from playback, joined by the title's id. */
public record TitleDayRow(
    String titleId,
    String name,
    long views,
    long completions,
    long sessions,
    String startupP95,
    String rebuffer) {

  /** Every title that has either, most viewed first, then by name. */
  static List<TitleDayRow> join(
      List<TitleEngagement> engagement,
      List<QoeTitleDay> quality,
      Function<TitleId, String> names) {
    Map<UUID, TitleEngagement> e = new LinkedHashMap<>();
    engagement.forEach(x -> e.put(x.title().value(), x));
    Map<UUID, QoeTitleDay> q = new LinkedHashMap<>();
    quality.forEach(x -> q.put(x.titleId(), x));
    List<UUID> ids = new ArrayList<>(e.keySet());
    q.keySet().stream().filter(id -> !e.containsKey(id)).forEach(ids::add);
    return ids.stream()
        .map(
            id -> {
              TitleEngagement en = e.get(id);
              QoeTitleDay qo = q.get(id);
              return new TitleDayRow(
                  id.toString(),
                  names.apply(new TitleId(id)),
                  en == null ? 0 : en.views(),
                  en == null ? 0 : en.completions(),
                  qo == null ? 0 : qo.sessions(),
                  qo == null || qo.startupP95Ms() == null
                      ? ""
                      : Long.toString(Math.round(qo.startupP95Ms())),
                  qo == null ? "" : String.format(Locale.ROOT, "%.2f", 100 * qo.rebufferRatio()));
            })
        .sorted(
            Comparator.comparingLong(TitleDayRow::views)
                .reversed()
                .thenComparing(TitleDayRow::name))
        .toList();
  }

  public String getTitleId() {
    return titleId;
  }

  public String getName() {
    return name;
  }

  public long getViews() {
    return views;
  }

  public long getCompletions() {
    return completions;
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
