package dev.marquee.playback.internal.manifest;

import dev.marquee.platform.api.ProblemException;
import java.util.List;

/**
 * The key formats an HLS media playlist names its key in. Both by default; a player that takes
 * whichever it finds first when it knows both (hls.js prefers {@code identity}, which it cannot use
 * with fMP4) asks for one with {@code ?keyformat=}; ADR 29.
 */
public enum HlsKeyFormat {
  /** The key's URI is Marquee's HLS key endpoint, which answers the 16 key bytes. */
  IDENTITY("identity"),
  /** The key's URI is a data: URI of the key id; the key comes from the ClearKey licence server. */
  CLEARKEY("org.w3.clearkey");

  private final String name;

  HlsKeyFormat(String name) {
    this.name = name;
  }

  public String attribute() {
    return name;
  }

  /** Both formats for no parameter, else the one named; 400 for any other. */
  public static List<HlsKeyFormat> requested(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return List.of(IDENTITY, CLEARKEY);
    }
    for (HlsKeyFormat format : values()) {
      if (format.name.equals(parameter.strip())) {
        return List.of(format);
      }
    }
    throw ProblemException.badRequest(
        "unsupported-key-format",
        "keyformat must be identity or org.w3.clearkey, not " + parameter.strip() + ".");
  }
}
