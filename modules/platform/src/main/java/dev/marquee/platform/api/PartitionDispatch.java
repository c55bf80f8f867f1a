package dev.marquee.platform.api;

/**
 * How a job's partitions reach the servers that run them (ADR 10): on this server, or over the
 * batch queue of the messaging server, which can be away (restarted, failed over) while the servers
 * keep serving.
 */
public interface PartitionDispatch {
  /** Whether partitions are handed out over messaging rather than run on this server. */
  boolean overMessaging();

  /**
   * Whether partitions can be handed out now: always when they run here; over messaging, when the
   * messaging server accepts a connection to the batch queue's connection factory.
   */
  boolean available();
}
