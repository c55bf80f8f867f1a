package dev.marquee.console.internal.web.jobs;

import dev.marquee.transcode.api.JobGrid;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the live grid's page shows of a job at one moment, as the stream sends it: the job's line
 * (state, progress, failure, chunks per server) and each cell keyed {@code rung/chunk} with the
 * same state, symbol, server and spoken description the page renders ({@link JobPage.Cell}). Two
 * snapshots compare to the message a browser needs: only the cells that changed.
 */
record GridSnapshot(JsonObject head, Map<String, JsonObject> cells) {

  static GridSnapshot of(JobGrid grid) {
    JsonArrayBuilder servers = Json.createArrayBuilder();
    JobPage.serversOf(grid).forEach(servers::add);
    JsonObjectBuilder head =
        Json.createObjectBuilder()
            .add("status", grid.job().status())
            .add("progress", grid.job().tasksDone() + " of " + grid.job().tasksTotal())
            .add("chunks", grid.chunkCount())
            .add("servers", servers);
    if (grid.job().failure() != null) {
      head.add("failure", grid.job().failure());
    }
    Map<String, JsonObject> cells = new LinkedHashMap<>();
    grid.cells()
        .forEach(
            c -> {
              JobPage.Cell cell = new JobPage.Cell(c);
              cells.put(
                  cell.getKey(),
                  Json.createObjectBuilder()
                      .add("key", cell.getKey())
                      .add("state", cell.getState())
                      .add("symbol", cell.getSymbol())
                      .add("server", cell.getServer())
                      .add("description", cell.getDescription())
                      .build());
            });
    return new GridSnapshot(head.build(), cells);
  }

  /** The whole grid: what a stream is sent first. */
  String full() {
    return message(cells);
  }

  /** What changed since {@code before}; null when nothing a page shows did. */
  String since(GridSnapshot before) {
    Map<String, JsonObject> changed = new LinkedHashMap<>();
    cells.forEach(
        (key, cell) -> {
          if (!Objects.equals(before.cells.get(key), cell)) {
            changed.put(key, cell);
          }
        });
    boolean gone = !cells.keySet().containsAll(before.cells.keySet());
    if (changed.isEmpty() && head.equals(before.head) && !gone) {
      return null;
    }
    return message(changed);
  }

  private String message(Map<String, JsonObject> sent) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    sent.values().forEach(list::add);
    return Json.createObjectBuilder(head).add("cells", list).build().toString();
  }
}
