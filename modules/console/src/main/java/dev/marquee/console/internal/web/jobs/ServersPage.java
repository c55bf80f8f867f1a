package dev.marquee.console.internal.web.jobs;

import dev.marquee.accounts.api.Role;
import dev.marquee.console.internal.web.ConsoleSession;
import dev.marquee.transcode.api.TranscodeFacade;
import dev.marquee.transcode.api.WorkerServer;
import dev.marquee.transcode.api.WorkerServers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The worker servers page ({@code jobs/servers.xhtml}): each server that sent a heartbeat or
 * encoded a chunk, whether it takes partitions, its readiness as of its last heartbeat (a server
 * not heard from for {@link #SILENT_BEATS} heartbeats is said to be silent, whatever it last
 * reported), and the chunks it encoded in total and in the last 24 hours.
 */
@Named
@RequestScoped
public class ServersPage {
  static final int SILENT_BEATS = 3;

  @Inject TranscodeFacade transcode;
  @Inject ConsoleSession console;

  private WorkerServers known;
  private List<Row> rows;

  /** One server as the table shows it. */
  public record Row(
      String server,
      String partitions,
      String takesPartitions,
      String readiness,
      String lastSeen,
      long chunksDone,
      long chunksLastDay,
      String lastChunk) {
    public String getServer() {
      return server;
    }

    public String getPartitions() {
      return partitions;
    }

    public String getTakesPartitions() {
      return takesPartitions;
    }

    public String getReadiness() {
      return readiness;
    }

    public String getLastSeen() {
      return lastSeen;
    }

    public long getChunksDone() {
      return chunksDone;
    }

    public long getChunksLastDay() {
      return chunksLastDay;
    }

    public String getLastChunk() {
      return lastChunk;
    }
  }

  public List<Row> getServers() {
    if (rows == null) {
      console.require(Role.OPERATOR);
      known = transcode.workerServers();
      rows = known.servers().stream().map(s -> row(s, known.asOf(), known.heartbeat())).toList();
    }
    return rows;
  }

  public String getAsOf() {
    getServers();
    return known.asOf().toString();
  }

  public long getHeartbeatSeconds() {
    getServers();
    return known.heartbeat().toSeconds();
  }

  static Row row(WorkerServer s, Instant asOf, Duration heartbeat) {
    boolean beats = s.lastSeen() != null;
    return new Row(
        s.serverId(),
        beats ? s.partitions() : "unknown",
        beats ? (s.takesPartitions() ? "yes" : "no") : "unknown",
        readiness(s, asOf, heartbeat),
        beats ? ago(s.lastSeen(), asOf) : "never",
        s.chunksDone(),
        s.chunksLastDay(),
        s.lastChunkAt() == null ? "" : s.lastChunkAt().toString());
  }

  /** Readiness as last reported, or why it is not known now. */
  static String readiness(WorkerServer s, Instant asOf, Duration heartbeat) {
    if (s.lastSeen() == null) {
      return "unknown: no heartbeat (known only from the chunks it encoded)";
    }
    String reported = s.ready() ? "ready" : "not ready (" + s.notReady() + ")";
    if (Duration.between(s.lastSeen(), asOf).compareTo(heartbeat.multipliedBy(SILENT_BEATS)) > 0) {
      return "silent: last heartbeat " + ago(s.lastSeen(), asOf) + ", when it said " + reported;
    }
    return reported;
  }

  private static String ago(Instant then, Instant now) {
    long seconds = Math.max(0, Duration.between(then, now).toSeconds());
    if (seconds < 120) {
      return seconds + " s ago";
    }
    if (seconds < 7200) {
      return seconds / 60 + " min ago";
    }
    return then.toString();
  }
}
