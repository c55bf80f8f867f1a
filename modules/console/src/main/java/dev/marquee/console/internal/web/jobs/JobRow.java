package dev.marquee.console.internal.web.jobs;

import java.time.Duration;
import java.time.Instant;

/** One line of the job console's list, whatever the kind of job. */
public record JobRow(
    String kind,
    String id,
    String status,
    String title,
    int percentDone,
    Instant started,
    Instant ended,
    String link) {

  /** How long it ran (so far, if still running), as h:mm:ss. */
  public String getDuration() {
    if (started == null) {
      return "";
    }
    Duration d = Duration.between(started, ended == null ? Instant.now() : ended);
    return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  public String getKind() {
    return kind;
  }

  public String getId() {
    return id;
  }

  public String getStatus() {
    return status;
  }

  public String getTitle() {
    return title;
  }

  public int getPercentDone() {
    return percentDone;
  }

  public String getStarted() {
    return started == null ? "" : started.toString();
  }

  public String getLink() {
    return link;
  }
}
