package dev.marquee.playback.internal.qoe;

import dev.marquee.playback.api.QoeDaySummary;
import dev.marquee.playback.api.QoeFacade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/** The QoE facade: the service's per-day totals, under its range rules. */
@ApplicationScoped
public class DefaultQoeFacade implements QoeFacade {
  @Inject QoeService service;

  @Override
  public List<QoeDaySummary> qoeByDay(LocalDate from, LocalDate to) {
    return service.totals(from, to);
  }
}
