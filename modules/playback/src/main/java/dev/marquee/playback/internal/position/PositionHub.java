package dev.marquee.playback.internal.position;

import dev.marquee.accounts.api.AccountsFacade;
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
 * Pushes new positions to the other devices of a profile over server-sent events. Every server
 * polls PostgreSQL for positions written since its cursor (one indexed query per server every
 * {@value #POLL_MILLIS} ms, whichever server took the write) and sends them to the streams its own
 * devices hold open: no sticky sessions, no broker, and a device learns of a new position within
 * about half a second plus the network.
 */
@ApplicationScoped
public class PositionHub {
  static final long POLL_MILLIS = 400;
  private static final long KEEP_ALIVE_NANOS = 15_000_000_000L;
  private static final long SIGN_IN_CHECK_NANOS = 2_000_000_000L;
  private static final Duration LOOKBACK = Duration.ofSeconds(2);
  private static final Logger LOG = Logger.getLogger(PositionHub.class.getName());

  @Inject PositionStore store;
  @Inject AccountsFacade accounts;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Jsonb json = JsonbBuilder.create();
  private final Map<UUID, List<Subscriber>> byProfile = new ConcurrentHashMap<>();
  private final Set<String> recentlySent = ConcurrentHashMap.newKeySet();
  private volatile Instant cursor;
  private long lastKeepAlive = System.nanoTime();
  private long lastSignInCheck = System.nanoTime();
  private ScheduledFuture<?> poller;

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
    if (poller == null) {
      cursor = store.databaseNow().minus(LOOKBACK);
      poller = scheduler.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  void poll() {
    try {
      Set<String> seen = new HashSet<>();
      Instant from = cursor.minus(LOOKBACK);
      while (true) {
        List<Position> page = store.changedSince(from);
        for (Position p : page) {
          String id = p.profileId() + "|" + p.titleId() + "|" + p.deviceId() + "|" + p.clientTime();
          seen.add(id);
          if (!recentlySent.contains(id)) {
            deliver(p);
          }
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
      recentlySent.retainAll(seen);
      recentlySent.addAll(seen);
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
      LOG.log(Level.WARNING, "Position push poll failed; retrying", e);
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
    if (subscribers == null) {
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
    if (poller != null) {
      poller.cancel(false);
    }
    byProfile.values().forEach(list -> list.forEach(s -> s.sink().close()));
  }
}
