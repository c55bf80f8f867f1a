package dev.marquee.drm.api;

/**
 * Which content key a track is encrypted with: one key per title and track type, so a device
 * allowed only standard definition never holds the key of the HD or UHD rungs.
 */
public enum TrackType {
  /** Video up to 480 lines. */
  SD(0),
  /** Video from 481 up to 1080 lines. */
  HD(481),
  /** Video above 1080 lines. */
  UHD(1081),
  AUDIO(0);

  private final int minHeight;

  TrackType(int minHeight) {
    this.minHeight = minHeight;
  }

  public static TrackType forVideoHeight(int height) {
    if (height <= 480) {
      return SD;
    }
    return height <= 1080 ? HD : UHD;
  }

  /** Whether a viewer capped at {@code maxHeight} lines may hold this type's key. */
  public boolean allowedUpTo(int maxHeight) {
    return minHeight <= maxHeight;
  }
}
