package dev.marquee.media.api;

import dev.marquee.media.internal.ffmpeg.RestrictedInput;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;

/**
 * The one way a module opens a master (or an added audio file) for FFmpeg: its container is
 * recognised from its first bytes and refused unless accepted, and FFmpeg is then opened with that
 * demuxer only ({@code format_whitelist}) and only the protocol the location needs ({@code
 * protocol_whitelist}: {@code file} for a path; {@code http,https,tcp,tls} for a presigned URL), so
 * nothing inside the file can make FFmpeg open another file or URL.
 */
public final class MasterInput {
  private MasterInput() {}

  /**
   * Opens a local path or an HTTP(S) URL; the caller closes the result with {@code
   * avformat_close_input}.
   *
   * @throws UnsupportedContainerException in a container that is not accepted
   * @throws MediaProbeException if it is not media FFmpeg can open
   */
  public static AVFormatContext open(String location, AcceptedContainers accepted)
      throws MediaProbeException {
    return RestrictedInput.open(location, accepted);
  }
}
