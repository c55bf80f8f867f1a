package dev.marquee.catalog.api;

import java.util.List;

/** One page of the moderation queue, newest first; {@code next} is null on the last page. */
public record ReportPage(List<ReportView> reports, String next) {
  public ReportPage {
    reports = List.copyOf(reports);
  }
}
