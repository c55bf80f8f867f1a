package dev.marquee.platform.api;

import java.io.InputStream;

/**
 * An object opened for reading in one request to storage, with what storage said about it: its
 * total size and ETag, and which bytes the stream carries ({@code first} to {@code first + length -
 * 1}). {@code content} is null when storage answered "not modified" or "range not satisfiable"; the
 * caller closes it otherwise.
 */
public record ObjectRead(
    StoredObject object, Outcome outcome, long first, long length, InputStream content) {

  /** What storage answered. */
  public enum Outcome {
    /** The whole object, or the byte range asked for. */
    CONTENT,
    /** The ETag given as If-None-Match is the object's: no content. */
    NOT_MODIFIED,
    /** The range starts past the end of the object: no content, the size is known. */
    RANGE_NOT_SATISFIABLE
  }

  /** True when the stream carries a part of the object rather than all of it. */
  public boolean partial() {
    return outcome == Outcome.CONTENT && length != object.size();
  }
}
