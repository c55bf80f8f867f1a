package dev.marquee.catalog.internal.domain;

import dev.marquee.platform.api.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: the offset of the next page, base64url, never trusted beyond a bound. */
public final class Cursors {
  /**
   * Deepest page start a cursor may ask for (deep paging is a crawler's need, not a viewer's): a
   * page of the largest size from there stays within OpenSearch's 10,000-hit result window.
   */
  public static final int MAX_OFFSET = 10_000 - 50;

  private Cursors() {}

  public static String next(int offset, int limit, long total) {
    int next = offset + limit;
    if (next >= total || next > MAX_OFFSET) {
      return null;
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + next).getBytes(StandardCharsets.US_ASCII));
  }

  public static int offset(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      String raw =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
      if (raw.startsWith("o:")) {
        int offset = Integer.parseInt(raw.substring(2));
        if (offset >= 0 && offset <= MAX_OFFSET) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the problem below
    }
    throw ProblemException.badRequest(
        "invalid-cursor", "The cursor is not one this server gave out; start again without it.");
  }
}
