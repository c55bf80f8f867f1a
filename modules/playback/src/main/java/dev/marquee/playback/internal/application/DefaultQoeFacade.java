package dev.marquee.playback.internal.application;

import dev.marquee.playback.api.QoeDaySummary;
import dev.marquee.playback.api.QoeFacade;
import dev.marquee.playback.api.QoeTitleDay;
import dev.marquee.playback.api.QoeTitleOnDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The QoE facade: the service's aggregates, under its range rules. */
@ApplicationScoped
public class DefaultQoeFacade implements QoeFacade {
  @Inject QoeService service;

  @Override
  public List<QoeDaySummary> qoeByDay(LocalDate from, LocalDate to) {
    return service.totals(from, to);
  }

  @Override
  public List<QoeTitleDay> qoeOfDay(LocalDate day) {
    return service.days(null, day, day).stream()
        .map(
            d ->
                new QoeTitleDay(
                    UUID.fromString(d.titleId()),
                    d.sessions(),
                    d.startupP95Ms(),
                    d.rebufferRatio()))
        .toList();
  }

  @Override
  public List<QoeTitleOnDay> qoeByTitleAndDay(UUID title, LocalDate from, LocalDate to) {
    return service.days(title, from, to).stream()
        .map(
            d ->
                new QoeTitleOnDay(
                    UUID.fromString(d.titleId()),
                    d.day(),
                    d.sessions(),
                    d.startupP95Ms(),
                    d.rebufferRatio()))
        .toList();
  }
}
