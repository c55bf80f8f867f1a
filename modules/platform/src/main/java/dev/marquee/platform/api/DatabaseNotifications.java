package dev.marquee.platform.api;

import java.util.function.Consumer;

/**
 * PostgreSQL {@code LISTEN}/{@code NOTIFY} for every server sharing the database: a transaction
 * that runs {@code pg_notify(channel, payload)} reaches each server's listeners when it commits,
 * whichever server wrote it. One listening connection per server carries every channel; when it
 * dies (database restart, network, a terminated backend) it is opened again, and listeners are told
 * so they can catch up on what was committed while nobody listened.
 */
public interface DatabaseNotifications {
  /**
   * Listens on {@code channel} until the server stops.
   *
   * @param onPayload called with each notification's payload, on the listener's thread: hand work
   *     off, do not block
   * @param onListening called once the channel is listened to, the first time and after each
   *     reconnection: notifications sent in between are lost, so read what changed instead
   */
  void listen(String channel, Consumer<String> onPayload, Runnable onListening);
}
