package dev.marquee.console.internal.web.dashboard;

import java.io.Serializable;

/** One figure of a chart as its table shows it: what, how much, and the page behind it. */
public record Figure(String label, String value, String link) implements Serializable {
  public String getLabel() {
    return label;
  }

  public String getValue() {
    return value;
  }

  public String getLink() {
    return link;
  }
}
