package dev.marquee.playback.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What other modules (the console's dashboard) may read of the players' QoE reports. */
public interface QoeFacade {
  /**
   * Every title's viewers together per UTC day from {@code from} to {@code to} (both included, at
   * most 366 days), oldest first; a day without reports is left out. 400 {@code invalid-range}.
   */
  List<QoeDaySummary> qoeByDay(LocalDate from, LocalDate to);

  /** Each title's QoE on one UTC day, by title. */
  List<QoeTitleDay> qoeOfDay(LocalDate day);

  /**
   * QoE per title and UTC day from {@code from} to {@code to} (both included, at most 366 days), of
   * one title or, with {@code title} null, of every title; oldest day first; a day without reports
   * is left out. 400 {@code invalid-range}.
   */
  List<QoeTitleOnDay> qoeByTitleAndDay(UUID title, LocalDate from, LocalDate to);
}
