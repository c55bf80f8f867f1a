package dev.marquee.transcode.api;

/** What an operator may do to a job from the job console. */
public enum JobAction {
  /** Run a failed or stopped job again; finished chunks are kept. */
  RESTART,
  /** Ask a running job to stop at its next chunk. */
  STOP,
  /** Give up a failed or stopped job for good: it can never be restarted. */
  ABANDON
}
