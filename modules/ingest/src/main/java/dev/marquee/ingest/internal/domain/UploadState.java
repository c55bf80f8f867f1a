package dev.marquee.ingest.internal.domain;

/** Where an upload stands. */
public enum UploadState {
  OPEN,
  COMPLETING,
  COMPLETED,
  FAILED,
  ABORTED
}
