package dev.marquee.platform.internal.notify;

import dev.marquee.platform.api.DatabaseNotifications;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One connection of the pool held by one thread per server, listening on every channel asked for.
 * The thread waits in the driver for notifications (no polling), checks the connection with a
 * {@code SELECT 1} when nothing arrived for {@value #PING_MILLIS} ms (a connection that died
 * silently is noticed), and on any failure closes it and opens another after a short back-off,
 * listening again on every channel and telling the listeners (see {@link DatabaseNotifications}).
 */
@ApplicationScoped
public class PostgresNotificationListener implements DatabaseNotifications {
  private static final Logger LOG = Logger.getLogger(PostgresNotificationListener.class.getName());
  private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final int WAIT_MILLIS = 500;
  static final int PING_MILLIS = 10_000;
  static final String APPLICATION_NAME = "marquee-notifications";
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private record Listener(Consumer<String> onPayload, Runnable onListening) {}

  private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> toListen = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;
  private Thread thread;

  @Override
  public synchronized void listen(
      String channel, Consumer<String> onPayload, Runnable onListening) {
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException("not a channel name: " + channel);
    }
    listeners
        .computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>())
        .add(new Listener(onPayload, onListening));
    toListen.add(channel);
    if (thread == null) {
      thread = threads.newThread(this::run);
      thread.setName("marquee-db-notifications");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void run() {
    long backoff = 200;
    while (running) {
      try (Connection c = db.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          // Named, so an operator (or a test) can tell this connection apart in pg_stat_activity.
          s.execute("SET application_name = '" + APPLICATION_NAME + "'");
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        // Every channel again: a new connection listens to nothing.
        toListen.clear();
        toListen.addAll(listeners.keySet());
        backoff = 200;
        receive(c, pg);
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.log(
            Level.WARNING,
            "Database notifications: the listening connection failed; opening another in "
                + backoff
                + " ms",
            e);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
  }

  private void receive(Connection c, PGConnection pg) throws SQLException {
    long lastHeard = System.nanoTime();
    while (running) {
      String channel;
      while ((channel = toListen.poll()) != null) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + channel);
        }
        for (Listener l : listeners.getOrDefault(channel, List.of())) {
          call(l.onListening());
        }
      }
      PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
      if (received != null && received.length > 0) {
        lastHeard = System.nanoTime();
        for (PGNotification n : received) {
          for (Listener l : listeners.getOrDefault(n.getName(), List.of())) {
            String payload = n.getParameter();
            call(() -> l.onPayload().accept(payload));
          }
        }
      } else if (System.nanoTime() - lastHeard > PING_MILLIS * 1_000_000L) {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 1");
        }
        lastHeard = System.nanoTime();
      }
    }
  }

  private static void call(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A database notification listener failed", e);
    }
  }

  @PreDestroy
  void stop() {
    running = false;
  }
}
