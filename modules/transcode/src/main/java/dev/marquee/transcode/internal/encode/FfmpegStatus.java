package dev.marquee.transcode.internal.encode;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/** FFmpeg's negative return codes, turned into exceptions that say what failed and why. */
final class FfmpegStatus {
  private FfmpegStatus() {}

  static int check(int code, String what) {
    if (code < 0) {
      byte[] buffer = new byte[256];
      av_strerror(code, buffer, buffer.length);
      throw new IllegalStateException(
          what + " failed: " + new String(buffer).trim() + " (" + code + ")");
    }
    return code;
  }
}
