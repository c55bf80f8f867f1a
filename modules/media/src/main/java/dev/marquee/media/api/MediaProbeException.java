package dev.marquee.media.api;

/** The file could not be read as media; {@link #reason()} says how. */
public class MediaProbeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** How a probe failed. */
  public enum Reason {
    /** No container FFmpeg recognises, or no streams in it. */
    NOT_MEDIA,
    /** A container that opens but whose packets end early or cannot be read. */
    CORRUPT,
    /** Media in a container that is not accepted (see {@link UnsupportedContainerException}). */
    UNSUPPORTED_CONTAINER
  }

  private final Reason reason;

  public MediaProbeException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
