package dev.marquee.transcode.api;

import java.time.Instant;

/**
 * A server the job console knows, from its own heartbeats and from the chunks it encoded.
 *
 * @param partitions how it runs partitions ({@code BATCH_PARTITIONS}: local, jms, jms-dispatcher,
 *     jms-worker); null for a server known only from chunk records
 * @param takesPartitions whether it encodes partitions at all (jms-dispatcher does not)
 * @param ready whether every readiness check of the server was up at its last heartbeat
 * @param notReady the checks that were down then, or null
 * @param lastSeen its last heartbeat, null if it never sent one
 * @param chunksDone chunk x rung tasks it encoded, ever
 * @param chunksLastDay of those, the ones finished in the 24 hours before {@code asOf}
 * @param lastChunkAt when its newest chunk was finished, null if none
 */
public record WorkerServer(
    String serverId,
    String partitions,
    boolean takesPartitions,
    boolean ready,
    String notReady,
    Instant startedAt,
    Instant lastSeen,
    long chunksDone,
    long chunksLastDay,
    Instant lastChunkAt) {}
