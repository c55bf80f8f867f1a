package dev.marquee.transcode.internal.encode;

import java.util.Locale;

/**
 * The H.264 encoder behind a chunk: libx264 in process through FFmpeg (the default), or jcodec's
 * pure-Java encoder (baseline profile, I and P pictures only, no native code; ADR 11). Decoding and
 * scaling are FFmpeg's either way.
 */
public enum VideoEngine {
  LIBX264,
  JCODEC;

  /** {@code libx264} (also {@code ffmpeg}) or {@code jcodec}. */
  public static VideoEngine of(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "libx264", "x264", "ffmpeg" -> LIBX264;
      case "jcodec" -> JCODEC;
      default ->
          throw new IllegalArgumentException(
              "marquee.transcode.engine must be libx264 or jcodec, not " + name);
    };
  }

  PictureEncoder open(ChunkSpec chunk, Rung rung, int width, int height, String preset) {
    return this == JCODEC
        ? new JcodecPictureEncoder(chunk, rung, width, height)
        : new X264PictureEncoder(chunk, rung, width, height, preset);
  }
}
