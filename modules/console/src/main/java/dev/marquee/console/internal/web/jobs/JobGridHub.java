package dev.marquee.console.internal.web.jobs;

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
import java.util.ArrayList;
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
  static final long LIST_TICK_MILLIS = 1_000;
  private static final long KEEP_ALIVE_NANOS = 15_000_000_000L;
  private static final long ACCESS_CHECK_NANOS = 1_000_000_000L;
  private static final Logger LOG = Logger.getLogger(JobGridHub.class.getName());

  @Inject TranscodeFacade transcode;
  @Inject RecentJobs recent;
  @Inject ConsoleAccess access;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Map<UUID, Watch> watches = new ConcurrentHashMap<>();
  // The jobs list's streams: told (not sent the rows) when what the list shows changed.
  private final Watch list = new Watch();
  private volatile String lastList;
  private ScheduledFuture<?> ticking;
  private ScheduledFuture<?> listTicking;
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
    startTicking();
    return true;
  }

  /** The jobs list: the stream is told "jobs" whenever a row the list shows changed. */
  public synchronized void watchList(Stream stream) {
    // The list's rows are read on the list's own schedule, never here: this runs on the request's
    // thread, and the page the stream belongs to was rendered from the same rows a moment ago.
    // The next read is told to the lists whatever it holds: a job that changed between the page's
    // rendering and this stream's start is rendered then, not missed.
    lastList = null;
    list.streams.add(stream);
    if (!stream.send(": watching the jobs list\n\n")) {
      list.streams.remove(stream);
      stream.close();
    }
    startTicking();
    // The list reads every recent job (dozens of queries): on its own schedule, once a second, so
    // that it never holds up a job grid's tick.
    // A periodic task that ever threw is done for good: a new list stream schedules it again.
    if (listTicking == null || listTicking.isDone()) {
      listTicking =
          scheduler.scheduleWithFixedDelay(
              this::listTick, LIST_TICK_MILLIS, LIST_TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void listTick() {
    try {
      if (!list.streams.isEmpty()) {
        pushList();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Telling the jobs list of changes failed; trying again", e);
    } catch (Error e) {
      LOG.log(
          Level.SEVERE, "Telling the jobs list of changes failed; a new list stream retries", e);
      throw e;
    }
  }

  private synchronized void startTicking() {
    if (ticking == null || ticking.isDone()) {
      ticking =
          scheduler.scheduleWithFixedDelay(
              this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  void forget(Stream stream) {
    watches.values().forEach(w -> w.streams.remove(stream));
    list.streams.remove(stream);
  }

  /** What the list shows of each job, as one string to compare. */
  private String listState() {
    StringBuilder state = new StringBuilder();
    recent
        .rows()
        .forEach(
            r ->
                state
                    .append(r.kind())
                    .append(r.id())
                    .append(r.status())
                    .append(r.percentDone())
                    .append(r.ended())
                    .append('\n'));
    return state.toString();
  }

  private void pushList() {
    String now = listState();
    String before = lastList;
    lastList = now;
    if (now.equals(before)) {
      return;
    }
    for (Stream s : list.streams) {
      if (!s.send("event: jobs\ndata: {}\n\n")) {
        list.streams.remove(s);
        s.close();
      }
    }
  }

  private void tick() {
    try {
      for (Map.Entry<UUID, Watch> entry : watches.entrySet()) {
        Watch watch = entry.getValue();
        if (watch.streams.isEmpty()) {
          forgetIfUnwatched(entry.getKey(), watch);
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

  /**
   * Drops a job nobody watches, under the lock {@link #watch} holds from creating a job's watch
   * until its first stream is in it: without it, a tick could drop the new, still empty watch while
   * the whole grid was being sent, and the stream, added to the dropped watch, would never hear of
   * a change again.
   */
  private synchronized void forgetIfUnwatched(UUID jobId, Watch watch) {
    if (watch.streams.isEmpty()) {
      watches.remove(jobId, watch);
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
    for (Watch watch : allWatches()) {
      for (Stream s : watch.streams) {
        if (condition.test(s)) {
          watch.streams.remove(s);
          s.close();
        }
      }
    }
  }

  private List<Watch> allWatches() {
    List<Watch> all = new ArrayList<>(watches.values());
    all.add(list);
    return all;
  }

  private static String frame(String json) {
    return "event: grid\ndata: " + json + "\n\n";
  }

  @PreDestroy
  synchronized void stop() {
    if (ticking != null) {
      ticking.cancel(false);
    }
    if (listTicking != null) {
      listTicking.cancel(false);
    }
    allWatches().forEach(w -> w.streams.forEach(Stream::close));
    watches.clear();
  }
}
