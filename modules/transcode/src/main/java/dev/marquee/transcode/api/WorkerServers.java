package dev.marquee.transcode.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The servers the job console knows, as of {@code asOf} (the database's clock), with the heartbeat
 * period: a server whose last heartbeat is older than a few periods has stopped or lost the
 * database, whatever its last report said.
 */
public record WorkerServers(Instant asOf, Duration heartbeat, List<WorkerServer> servers) {}
