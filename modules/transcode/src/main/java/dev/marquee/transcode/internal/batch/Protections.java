package dev.marquee.transcode.internal.batch;

import dev.marquee.drm.api.ContentKey;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.internal.cmaf.Protection;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** How the packager encrypts one rendition: the key, and IVs unique to the job and rendition. */
final class Protections {
  private Protections() {}

  /**
   * IVs derive from the job and the rendition: a restarted job writes the same bytes, while a new
   * job of the same title (same content key, new encode) never reuses an IV.
   */
  static Protection of(
      Protection.Scheme scheme, ContentKey key, TranscodeJob job, String rendition) {
    byte[] raw = key.key();
    try {
      return new Protection(
          scheme,
          key.keyIdBytes(),
          raw,
          (job.id() + "/" + rendition).getBytes(StandardCharsets.US_ASCII));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** An object key with the scheme placeholder filled in. */
  static String key(String template, Protection.Scheme scheme) {
    return RenditionView.forScheme(template, scheme.fourCc());
  }
}
