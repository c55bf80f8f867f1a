package dev.marquee.bench;

import java.util.List;

/**
 * One request that wrk repeats.
 *
 * @param headers sent with wrk's {@code -H}, e.g. {@code Authorization: Bearer ...}
 * @param contentType with {@code body}, set from the generated Lua script (wrk has no body flag)
 * @param body request body, or null
 * @param note shown under the table, or null
 */
record Endpoint(
    String label,
    String method,
    String path,
    List<String> headers,
    String contentType,
    String body,
    String note) {

  static Endpoint get(String label, String path, List<String> headers, String note) {
    return new Endpoint(label, "GET", path, List.copyOf(headers), null, null, note);
  }

  static Endpoint post(String label, String path, String contentType, String body, String note) {
    return new Endpoint(label, "POST", path, List.of(), contentType, body, note);
  }
}
