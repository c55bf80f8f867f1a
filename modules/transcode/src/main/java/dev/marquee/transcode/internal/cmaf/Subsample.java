package dev.marquee.transcode.internal.cmaf;

/**
 * One entry of a sample's subsample map (ISO/IEC 23001-7, the senc box): clear bytes, then
 * protected bytes. A sample is a run of subsamples covering all its bytes.
 */
record Subsample(int clearBytes, int protectedBytes) {
  static final int MAX_CLEAR = 0xFFFF;

  Subsample {
    if (clearBytes < 0 || clearBytes > MAX_CLEAR || protectedBytes < 0) {
      throw new IllegalArgumentException("bad subsample " + clearBytes + "/" + protectedBytes);
    }
  }
}
