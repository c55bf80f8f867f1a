package dev.marquee.console.internal.web.jobs;

import dev.marquee.accounts.api.Role;
import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleView;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.transcode.api.ChunkCell;
import dev.marquee.transcode.api.JobAction;
import dev.marquee.transcode.api.JobGrid;
import dev.marquee.transcode.api.TranscodeFacade;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A transcode job: rungs x chunks, each cell done, running, retried, failed (with the reason) or
 * pending and the server that encoded it; changes are pushed to the page ({@link JobGridStream}),
 * it never polls. Restart, stop and abandon are confirmed in the browser and checked (operator
 * role, job state) on the server.
 */
@Named
@ViewScoped
public class JobPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TranscodeFacade transcode;
  @Inject transient CatalogFacade catalog;
  @Inject transient ConsoleSession console;
  @Inject transient FacesContext faces;

  private String id;
  private transient JobGrid grid;

  /** One rung's row of cells, chunk 0 first. */
  public record GridRow(String rung, List<Cell> cells) {
    public String getRung() {
      return rung;
    }

    public List<Cell> getCells() {
      return cells;
    }
  }

  /** A chunk cell for the page (Faces EL reads getters). */
  public record Cell(ChunkCell cell) {
    public String getState() {
      return cell.state().name();
    }

    /** {@code rung/chunk}: how the live stream names this cell. */
    public String getKey() {
      return cell.rung() + "/" + cell.chunk();
    }

    /** The state as a word a screen reader says, with the attempts, server and reason. */
    public String getDescription() {
      StringBuilder text =
          new StringBuilder(
              cell.rung() + " chunk " + cell.chunk() + ": " + cell.state().name().toLowerCase());
      if (cell.attempts() > 1) {
        text.append(", ").append(cell.attempts()).append(" attempts");
      }
      if (cell.server() != null) {
        text.append(", encoded by ").append(cell.server());
      }
      if (cell.reason() != null) {
        text.append(", ").append(cell.reason());
      }
      return text.toString();
    }

    public String getServer() {
      return cell.server() == null ? "" : cell.server();
    }

    public String getSymbol() {
      return switch (cell.state()) {
        case DONE -> "\u2713";
        case RETRIED -> "R";
        case RUNNING -> "\u2026";
        case FAILED -> "\u2717";
        case PENDING -> "\u00b7";
      };
    }
  }

  public String getStatus() {
    return getGrid() == null ? "" : grid.job().status();
  }

  public int getPercentDone() {
    return getGrid() == null ? 0 : grid.job().percentDone();
  }

  public String getProgress() {
    return getGrid() == null ? "" : grid.job().tasksDone() + " of " + grid.job().tasksTotal();
  }

  public String getFailure() {
    return getGrid() == null ? null : grid.job().failure();
  }

  public List<String> getAudit() {
    return getGrid() == null ? List.of() : grid.audit();
  }

  /** Chunks encoded per server, "server: n". */
  public List<String> getServers() {
    return getGrid() == null ? List.of() : serversOf(grid);
  }

  static List<String> serversOf(JobGrid grid) {
    Map<String, Integer> counts = new TreeMap<>();
    grid.cells().stream()
        .filter(c -> c.server() != null)
        .forEach(c -> counts.merge(c.server(), 1, Integer::sum));
    return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
  }

  public boolean isRestartable() {
    return List.of("FAILED", "STOPPED").contains(getStatus());
  }

  public boolean isRunning() {
    return List.of("STARTING", "STARTED").contains(getStatus());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public JobGrid getGrid() {
    if (grid == null && id != null) {
      grid = parse(id) == null ? null : transcode.jobGrid(parse(id)).orElse(null);
    }
    return grid;
  }

  public String getTitleName() {
    JobGrid g = getGrid();
    return g == null
        ? ""
        : catalog.title(g.job().title()).map(TitleView::name).orElse(g.job().title().toString());
  }

  public List<GridRow> getRows() {
    JobGrid g = getGrid();
    List<GridRow> rows = new ArrayList<>();
    if (g == null) {
      return rows;
    }
    for (String rung : g.rungs()) {
      rows.add(
          new GridRow(
              rung, g.cells().stream().filter(c -> c.rung().equals(rung)).map(Cell::new).toList()));
    }
    return rows;
  }

  public List<Integer> getChunks() {
    JobGrid g = getGrid();
    List<Integer> chunks = new ArrayList<>();
    for (int i = 0; g != null && i < g.chunkCount(); i++) {
      chunks.add(i);
    }
    return chunks;
  }

  /** The stream saw the job's state change: read the grid again on the next render. */
  public void refresh() {
    grid = null;
  }

  public void restart() {
    act(JobAction.RESTART);
  }

  public void stop() {
    act(JobAction.STOP);
  }

  public void abandon() {
    act(JobAction.ABANDON);
  }

  private void act(JobAction action) {
    UUID actor = console.require(Role.OPERATOR).accountId();
    try {
      transcode.act(parse(id), action, actor);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO, action.name().toLowerCase() + ": done.", null));
    } catch (ProblemException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.detail(), null));
    }
    grid = null;
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
