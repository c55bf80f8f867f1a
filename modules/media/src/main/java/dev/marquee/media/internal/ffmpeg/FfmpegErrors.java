package dev.marquee.media.internal.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** FFmpeg error codes as words. */
final class FfmpegErrors {
  private FfmpegErrors() {}

  static String describe(int code) {
    byte[] buffer = new byte[256];
    av_strerror(code, buffer, buffer.length);
    int end = 0;
    while (end < buffer.length && buffer[end] != 0) {
      end++;
    }
    return new String(buffer, 0, end, StandardCharsets.UTF_8) + " (" + code + ")";
  }

  /** Throws when a native call failed. */
  static int check(int code, String what) {
    if (code < 0) {
      throw new IllegalStateException(what + " failed: " + describe(code));
    }
    return code;
  }
}
