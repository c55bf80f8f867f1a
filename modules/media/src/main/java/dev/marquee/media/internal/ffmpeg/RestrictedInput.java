package dev.marquee.media.internal.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_READ;
import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_SCORE_RETRY;
import static org.bytedeco.ffmpeg.global.avformat.av_probe_input_buffer2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avio_close;
import static org.bytedeco.ffmpeg.global.avformat.avio_open2;
import static org.bytedeco.ffmpeg.global.avformat.avio_read;
import static org.bytedeco.ffmpeg.global.avformat.avio_seek;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import dev.marquee.media.api.AcceptedContainers;
import dev.marquee.media.api.MediaProbeException;
import dev.marquee.media.api.UnsupportedContainerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * Opens an input for demuxing with only the accepted demuxers and only the protocol its location
 * needs. The container is recognised first, from the file's own bytes (never its name, which the
 * creator chose), and refused by name before any demuxer parses it; FFmpeg is then opened with that
 * demuxer, a {@code format_whitelist} of the accepted ones and a {@code protocol_whitelist}, so
 * that a reference inside the file (a playlist entry, a QuickTime data reference, a concat line)
 * cannot make it open anything else.
 */
public final class RestrictedInput {
  /** {@code SEEK_SET} of C's stdio: an offset from the start. */
  private static final int SEEK_SET = 0;

  /** What a local path may use: the file itself, nothing else. */
  static final String FILE_PROTOCOLS = "file";

  /** What a presigned object storage URL needs (https is TLS over TCP). */
  static final String HTTP_PROTOCOLS = "http,https,tcp,tls";

  private RestrictedInput() {}

  public static AVFormatContext open(String location, AcceptedContainers accepted)
      throws MediaProbeException {
    boolean remote = location.startsWith("http://") || location.startsWith("https://");
    // "file:" keeps a path with a colon in it from being read as another protocol's URL.
    String url = remote ? location : "file:" + Path.of(location).toAbsolutePath();
    String protocols = remote ? HTTP_PROTOCOLS : FILE_PROTOCOLS;
    Recognised recognised = recognise(url, protocols, accepted);
    AVDictionary options = new AVDictionary(null);
    av_dict_set(options, "protocol_whitelist", protocols, 0);
    av_dict_set(options, "format_whitelist", String.join(",", accepted.demuxers()), 0);
    // QuickTime data references to other files stay off (FFmpeg's default, said out loud).
    av_dict_set(options, "enable_drefs", "0", 0);
    AVFormatContext context = new AVFormatContext(null);
    try {
      int opened = avformat_open_input(context, url, recognised.format(), options);
      if (opened < 0) {
        if (recognised.confident()) {
          throw new MediaProbeException(
              MediaProbeException.Reason.CORRUPT,
              "The file starts like "
                  + recognised.name()
                  + " but cannot be read (truncated or damaged, index missing): "
                  + FfmpegErrors.describe(opened));
        }
        throw new MediaProbeException(
            MediaProbeException.Reason.NOT_MEDIA,
            "Not a media file FFmpeg can read: " + FfmpegErrors.describe(opened));
      }
      return context;
    } finally {
      av_dict_free(options);
    }
  }

  /** As {@link #open}, for callers that treat an unreadable file as a failure of theirs. */
  public static AVFormatContext openOrFail(String location, AcceptedContainers accepted) {
    try {
      return open(location, accepted);
    } catch (MediaProbeException e) {
      throw new IllegalStateException("opening " + location + " failed: " + e.getMessage(), e);
    }
  }

  /** An M3U playlist (HLS or plain) begins with this tag. */
  private static boolean startsWithPlaylistTag(AVIOContext io) {
    if (avio_seek(io, 0, SEEK_SET) < 0) {
      return false;
    }
    byte[] head = new byte[7];
    int read = avio_read(io, head, head.length);
    return read == head.length && "#EXTM3U".equals(new String(head, StandardCharsets.US_ASCII));
  }

  /** The demuxer FFmpeg's probe picks, and whether it is sure (score above its retry level). */
  private record Recognised(AVInputFormat format, String name, boolean confident) {}

  private static Recognised recognise(String url, String protocols, AcceptedContainers accepted)
      throws MediaProbeException {
    AVDictionary options = new AVDictionary(null);
    av_dict_set(options, "protocol_whitelist", protocols, 0);
    AVIOContext io = new AVIOContext(null);
    int opened;
    try {
      opened = avio_open2(io, url, AVIO_FLAG_READ, null, options);
    } finally {
      av_dict_free(options);
    }
    if (opened < 0) {
      throw new MediaProbeException(
          MediaProbeException.Reason.NOT_MEDIA,
          "Cannot read the file: " + FfmpegErrors.describe(opened));
    }
    AVInputFormat format = new AVInputFormat(null);
    int score;
    boolean playlist;
    try {
      // An empty name: only the bytes decide (some demuxers also score a file by its extension).
      score = av_probe_input_buffer2(io, format, "", null, 0, 0);
      playlist = score < 0 && startsWithPlaylistTag(io);
    } finally {
      avio_close(io);
    }
    if (playlist) {
      // FFmpeg's HLS demuxer claims a playlist only by its extension or MIME type, which a
      // creator's upload does not carry here; said by name all the same, since it is what a
      // request forgery through FFmpeg sends.
      throw new UnsupportedContainerException("hls", accepted);
    }
    if (score < 0 || format.isNull()) {
      throw new MediaProbeException(
          MediaProbeException.Reason.NOT_MEDIA,
          "Not a media file FFmpeg can read: no container recognised.");
    }
    String name = format.name().getString();
    boolean confident = score > AVPROBE_SCORE_RETRY;
    if (!accepted.accepts(name)) {
      if (!confident) {
        // A guess from a few bytes (text can look like MP3 frames): not worth naming.
        throw new MediaProbeException(
            MediaProbeException.Reason.NOT_MEDIA,
            "Not a media file Marquee recognises (at best a weak guess of " + name + ").");
      }
      throw new UnsupportedContainerException(name, accepted);
    }
    return new Recognised(format, name, confident);
  }
}
