package dev.marquee.playback.internal.application;

import dev.marquee.accounts.api.AccountsFacade;
import dev.marquee.platform.api.DatabaseNotifications;
import dev.marquee.playback.internal.domain.Position;
import dev.marquee.playback.internal.domain.PositionNotice;
import dev.marquee.playback.internal.persistence.PositionStore;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes new positions to the other devices of a profile over server-sent events. Every committed
 * position write notifies all servers through PostgreSQL (LISTEN/NOTIFY on {@value #CHANNEL}, the
 * position in the payload; ADR 0027), whichever server took the write, and each server sends it to
 * the streams its own devices hold open: no sticky sessions, no broker, no polling, and a device
 * learns of a new position within milliseconds plus the network. When the listening connection was
 * lost and is open again, positions written since the last one heard are read from the database
 * (one indexed query), so a reconnection loses nothing; a position may then arrive twice, which a
 * device that keeps the latest client time ignores.
 */
@ApplicationScoped
public class PositionHub {
  static final String CHANNEL = "playback_positions";
  private static final long HOUSEKEEPING_MILLIS = 1000;
  private static final long KEEP_ALIVE_NANOS = 15_000_000_000L;
  private static final long SIGN_IN_CHECK_NANOS = 2_000_000_000L;
  private static final Duration LOOKBACK = Duration.ofSeconds(2);
  private static final Logger LOG = Logger.getLogger(PositionHub.class.getName());

  @Inject PositionStore store;
  @Inject AccountsFacade accounts;
  @Inject DatabaseNotifications notifications;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Jsonb json = JsonbBuilder.create();
  private final Map<UUID, List<Subscriber>> byProfile = new ConcurrentHashMap<>();
  private final Object catchUpLock = new Object();
  // Latest updated_at (database clock) heard of; a catch-up reads from a little before it.
  private volatile Instant cursor;
  private long lastKeepAlive = System.nanoTime();
  private long lastSignInCheck = System.nanoTime();
  private ScheduledFuture<?> housekeeping;

  /** An open stream, with the sign-in it was opened under and when its access token expires. */
  private record Subscriber(
      SseEventSink sink, Sse sse, UUID deviceId, UUID signIn, Instant tokenExpiry) {}

  /** What a device is told. */
  public record PositionEvent(
      String titleId,
      String deviceId,
      double positionSeconds,
      Instant clientTime,
      boolean watched) {}

  public synchronized void subscribe(
      UUID profile, UUID deviceId, UUID signIn, Instant tokenExpiry, SseEventSink sink, Sse sse) {
    byProfile
        .computeIfAbsent(profile, p -> new CopyOnWriteArrayList<>())
        .add(new Subscriber(sink, sse, deviceId, signIn, tokenExpiry));
    sink.send(sse.newEventBuilder().name("ready").data("{}").build());
    if (housekeeping == null) {
      cursor = store.databaseNow();
      notifications.listen(CHANNEL, this::onNotification, () -> scheduler.execute(this::catchUp));
      housekeeping =
          scheduler.scheduleWithFixedDelay(
              this::housekeeping, HOUSEKEEPING_MILLIS, HOUSEKEEPING_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** On the listener's thread: parse, skip profiles without a stream here, send. */
  void onNotification(String payload) {
    Position p = PositionNotice.parse(payload);
    if (p.updatedAt().isAfter(cursor)) {
      cursor = p.updatedAt();
    }
    deliver(p);
  }

  /** Positions written while nobody listened, read once the listening connection is back. */
  void catchUp() {
    synchronized (catchUpLock) {
      try {
        Instant from = cursor.minus(LOOKBACK);
        while (true) {
          List<Position> page = store.changedSince(from);
          for (Position p : page) {
            deliver(p);
            if (p.updatedAt().isAfter(cursor)) {
              cursor = p.updatedAt();
            }
          }
          if (page.size() < PositionStore.PAGE) {
            break;
          }
          // A full page: go on after its last row, so a burst never pins the cursor.
          from = page.get(page.size() - 1).updatedAt();
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Reading the positions written during a reconnection failed", e);
      }
    }
  }

  private void housekeeping() {
    try {
      if (System.nanoTime() - lastKeepAlive > KEEP_ALIVE_NANOS) {
        keepAlive();
      }
      if (System.nanoTime() - lastSignInCheck > SIGN_IN_CHECK_NANOS) {
        endStreamsOfEndedSignIns();
      }
      byProfile.values().forEach(list -> list.removeIf(s -> s.sink().isClosed()));
      for (UUID profile : byProfile.keySet()) {
        byProfile.computeIfPresent(profile, (p, list) -> list.isEmpty() ? null : list);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Position stream housekeeping failed; retrying", e);
    }
  }

  /**
   * An SSE comment every 15 s: proxies keep idle streams open, and a stream whose client went away
   * fails the send and is closed (then dropped at the next poll) instead of lingering.
   */
  private void keepAlive() {
    lastKeepAlive = System.nanoTime();
    for (List<Subscriber> list : byProfile.values()) {
      for (Subscriber s : list) {
        if (!s.sink().isClosed()) {
          s.sink()
              .send(s.sse().newEventBuilder().comment("keep-alive").build())
              .whenComplete(
                  (ok, failure) -> {
                    if (failure != null) {
                      s.sink().close();
                    }
                  });
        }
      }
    }
  }

  /**
   * A stream lives no longer than what opened it: once its sign-in is signed out or revoked
   * (logout, device removed, refresh-token reuse, roles taken away), or its access token has
   * expired, it is told {@code signed-out} and closed. One query for all open streams every 2 s.
   */
  private void endStreamsOfEndedSignIns() {
    lastSignInCheck = System.nanoTime();
    Set<UUID> signIns = new HashSet<>();
    byProfile.values().forEach(list -> list.forEach(s -> signIns.add(s.signIn())));
    signIns.remove(null);
    if (signIns.isEmpty()) {
      return;
    }
    Set<UUID> active = accounts.activeSignIns(signIns);
    Instant now = Instant.now();
    for (List<Subscriber> list : byProfile.values()) {
      for (Subscriber s : list) {
        if (!s.sink().isClosed()
            && (s.signIn() == null
                || !active.contains(s.signIn())
                || !now.isBefore(s.tokenExpiry()))) {
          s.sink()
              .send(s.sse().newEventBuilder().name("signed-out").data("{}").build())
              .whenComplete((ok, failure) -> s.sink().close());
        }
      }
    }
  }

  private void deliver(Position p) {
    List<Subscriber> subscribers = byProfile.get(p.profileId());
    if (subscribers == null || subscribers.isEmpty()) {
      return;
    }
    String data =
        json.toJson(
            new PositionEvent(
                p.titleId().toString(),
                p.deviceId().toString(),
                p.positionMs() / 1000.0,
                p.clientTime(),
                p.watched()));
    for (Subscriber s : subscribers) {
      if (s.deviceId() != null && s.deviceId().equals(p.deviceId())) {
        continue; // the device that wrote it knows
      }
      if (!s.sink().isClosed()) {
        s.sink()
            .send(
                s.sse()
                    .newEventBuilder()
                    .name("position")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(data)
                    .build());
      }
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (housekeeping != null) {
      housekeeping.cancel(false);
    }
    byProfile.values().forEach(list -> list.forEach(s -> s.sink().close()));
  }
}
