package dev.marquee.console.internal.jobs;

import dev.marquee.accounts.api.Role;
import dev.marquee.console.internal.web.ConsoleAccess;
import dev.marquee.transcode.api.JobGrid;
import dev.marquee.transcode.api.TranscodeFacade;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes each watched job's grid to the browsers that hold its page open on this server (ADR 42).
 * Chunks are encoded by partitions on any server, and a cell's state also depends on the batch
 * status, so this server reads the job's grid from the database every {@value #TICK_MILLIS} ms,
 * once per watched job however many browsers watch it, and sends only when something the page shows
 * changed, and then only the cells that did. A job nobody watches here is never read. Every stream
 * keeps to its session's rights: once a second the session is checked again (signed out, locked,
 * operator role taken away) and a stream that lost them is closed.
 */
@ApplicationScoped
public class JobGridHub {
  static final long TICK_MILLIS = 200;
  private static final long KEEP_ALIVE_NANOS = 15_000_000_000L;
  private static final long ACCESS_CHECK_NANOS = 1_000_000_000L;
  private static final Logger LOG = Logger.getLogger(JobGridHub.class.getName());

  @Inject TranscodeFacade transcode;
  @Inject ConsoleAccess access;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Map<UUID, Watch> watches = new ConcurrentHashMap<>();
  private ScheduledFuture<?> ticking;
  private long lastKeepAlive = System.nanoTime();
  private long lastAccessCheck = System.nanoTime();

  /** One browser's open stream and the console session it was opened under. */
  record Stream(AsyncContext async, HttpSession session) {
    /** Writes one SSE frame; false if the browser is gone. */
    boolean send(String frame) {
      try {
        PrintWriter out = async.getResponse().getWriter();
        out.write(frame);
        out.flush();
        return !out.checkError();
      } catch (IOException | IllegalStateException e) {
        return false;
      }
    }

    void close() {
      try {
        async.complete();
      } catch (IllegalStateException alreadyDone) {
        // the container ended it first
      }
    }
  }

  /** A job's streams on this server and the last snapshot they were sent. */
  private static final class Watch {
    final List<Stream> streams = new CopyOnWriteArrayList<>();
    volatile GridSnapshot last;
  }

  boolean knows(UUID jobId) {
    return transcode.jobGrid(jobId).isPresent();
  }

  /** Sends the whole grid to the new stream at once, then every change; false: no such job. */
  public synchronized boolean watch(UUID jobId, Stream stream) {
    Optional<JobGrid> grid = transcode.jobGrid(jobId);
    if (grid.isEmpty()) {
      return false;
    }
    Watch watch = watches.computeIfAbsent(jobId, id -> new Watch());
    GridSnapshot now = GridSnapshot.of(grid.get());
    if (watch.last == null) {
      watch.last = now;
    }
    // The new stream gets the grid as read now; the others hear of any difference on the tick.
    if (stream.send(frame(now.full()))) {
      watch.streams.add(stream);
    }
    if (ticking == null) {
      ticking =
          scheduler.scheduleWithFixedDelay(
              this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
    return true;
  }

  void forget(Stream stream) {
    watches.values().forEach(w -> w.streams.remove(stream));
  }

  private void tick() {
    try {
      for (Map.Entry<UUID, Watch> entry : watches.entrySet()) {
        Watch watch = entry.getValue();
        if (watch.streams.isEmpty()) {
          watches.remove(entry.getKey(), watch);
          continue;
        }
        push(entry.getKey(), watch);
      }
      if (System.nanoTime() - lastAccessCheck > ACCESS_CHECK_NANOS) {
        lastAccessCheck = System.nanoTime();
        closeWhere(s -> !access.allows(s.session(), Role.OPERATOR));
      }
      if (System.nanoTime() - lastKeepAlive > KEEP_ALIVE_NANOS) {
        lastKeepAlive = System.nanoTime();
        // A comment keeps proxies from closing an idle stream and finds browsers that left.
        closeWhere(s -> !s.send(": keep-alive\n\n"));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Pushing job grids failed; trying again on the next tick", e);
    }
  }

  private void push(UUID jobId, Watch watch) {
    Optional<JobGrid> grid = transcode.jobGrid(jobId);
    if (grid.isEmpty()) {
      return;
    }
    GridSnapshot now = GridSnapshot.of(grid.get());
    String message = now.since(watch.last);
    watch.last = now;
    if (message == null) {
      return;
    }
    String frame = frame(message);
    for (Stream s : watch.streams) {
      if (!s.send(frame)) {
        watch.streams.remove(s);
        s.close();
      }
    }
  }

  private void closeWhere(Predicate<Stream> condition) {
    for (Watch watch : watches.values()) {
      for (Stream s : watch.streams) {
        if (condition.test(s)) {
          watch.streams.remove(s);
          s.close();
        }
      }
    }
  }

  private static String frame(String json) {
    return "event: grid\ndata: " + json + "\n\n";
  }

  @PreDestroy
  synchronized void stop() {
    if (ticking != null) {
      ticking.cancel(false);
    }
    watches.values().forEach(w -> w.streams.forEach(Stream::close));
    watches.clear();
  }
}
