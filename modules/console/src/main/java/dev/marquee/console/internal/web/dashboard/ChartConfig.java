package dev.marquee.console.internal.web.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A Chart.js configuration as the JSON that PrimeFaces 15's {@code p:chart value} takes (ADR 36): a
 * bar or line chart of named series over labels, y from zero, no animation (the figures are read at
 * once, also by the browser tests).
 */
public final class ChartConfig {
  private ChartConfig() {}

  /** One data set: its name, one value per label (null: no value), and its colour. */
  public record Series(String name, List<? extends Number> values, String colour) {}

  public static String bar(String title, List<String> labels, List<Series> series) {
    return chart("bar", title, labels, series);
  }

  public static String line(String title, List<String> labels, List<Series> series) {
    return chart("line", title, labels, series);
  }

  private static String chart(String type, String title, List<String> labels, List<Series> series) {
    JsonArrayBuilder sets = Json.createArrayBuilder();
    for (Series s : series) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (Number n : s.values()) {
        if (n == null) {
          data.addNull();
        } else if (n instanceof Double || n instanceof Float) {
          data.add(n.doubleValue());
        } else {
          data.add(n.longValue());
        }
      }
      sets.add(
          Json.createObjectBuilder()
              .add("label", s.name())
              .add("data", data)
              .add("backgroundColor", s.colour())
              .add("borderColor", s.colour()));
    }
    JsonArrayBuilder names = Json.createArrayBuilder();
    labels.forEach(names::add);
    JsonObjectBuilder plugins =
        Json.createObjectBuilder()
            .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
            .add("legend", Json.createObjectBuilder().add("display", series.size() > 1));
    return Json.createObjectBuilder()
        .add("type", type)
        .add("data", Json.createObjectBuilder().add("labels", names).add("datasets", sets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add("plugins", plugins)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }
}
