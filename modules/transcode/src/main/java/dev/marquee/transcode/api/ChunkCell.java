package dev.marquee.transcode.api;

/**
 * One chunk of one rung: {@code state} is DONE, RUNNING, RETRIED (done after more than one
 * attempt), FAILED (the job failed before it was done; {@code reason} says why) or PENDING; {@code
 * server} is the server that encoded it.
 */
public record ChunkCell(
    String rung, int chunk, State state, int attempts, String server, String reason) {

  /** Where a cell stands. */
  public enum State {
    PENDING,
    RUNNING,
    DONE,
    RETRIED,
    FAILED
  }
}
