package dev.marquee.media.internal.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import dev.marquee.media.api.AcceptedContainers;
import dev.marquee.media.api.MediaHeader;
import dev.marquee.media.api.MediaInfo;
import dev.marquee.media.api.MediaProbeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Opens the file through {@link RestrictedInput}, checks its header, {@code
 * avformat_find_stream_info}, then reads every packet once.
 */
public final class FfmpegProbe {
  /** Video ending this much before the declared duration means the file was cut short. */
  private static final double TRUNCATION_TOLERANCE = 0.9;

  static {
    av_log_set_level(AV_LOG_FATAL);
  }

  private FfmpegProbe() {}

  public static MediaInfo probe(
      Path file, AcceptedContainers accepted, Consumer<MediaHeader> beforeReading)
      throws MediaProbeException {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new MediaProbeException(
          MediaProbeException.Reason.NOT_MEDIA, "Cannot read the file: " + e.getMessage());
    }
    if (size == 0) {
      throw new MediaProbeException(MediaProbeException.Reason.NOT_MEDIA, "The file is empty.");
    }
    AVFormatContext context = RestrictedInput.open(file.toString(), accepted);
    try {
      // What the header declares is checked before FFmpeg decodes anything (stream analysis
      // decodes a few pictures), and again with what the analysis found, before every packet is
      // read.
      beforeReading.accept(header(context));
      int info = avformat_find_stream_info(context, (PointerPointer<?>) null);
      if (info < 0 || context.nb_streams() == 0) {
        throw new MediaProbeException(
            MediaProbeException.Reason.NOT_MEDIA, "The file has no readable streams.");
      }
      beforeReading.accept(header(context));
      double duration =
          context.duration() == AV_NOPTS_VALUE ? 0 : context.duration() / (double) AV_TIME_BASE;
      long[] videoPackets = new long[context.nb_streams()];
      List<List<Double>> keyframes = new ArrayList<>();
      for (int i = 0; i < context.nb_streams(); i++) {
        keyframes.add(new ArrayList<>());
      }
      double lastVideoSeconds = readAllPackets(context, videoPackets, keyframes);
      List<MediaInfo.VideoTrack> video = new ArrayList<>();
      List<MediaInfo.AudioTrack> audio = new ArrayList<>();
      List<MediaInfo.SubtitleTrack> subtitles = new ArrayList<>();
      for (int i = 0; i < context.nb_streams(); i++) {
        AVStream stream = context.streams(i);
        AVCodecParameters parameters = stream.codecpar();
        String codec = avcodec_get_name(parameters.codec_id()).getString();
        String language = tag(stream, "language");
        switch (parameters.codec_type()) {
          case AVMEDIA_TYPE_VIDEO ->
              video.add(
                  new MediaInfo.VideoTrack(
                      i,
                      codec,
                      parameters.width(),
                      parameters.height(),
                      frameRate(stream),
                      rotation(parameters),
                      videoPackets[i],
                      keyframes.get(i)));
          case AVMEDIA_TYPE_AUDIO ->
              audio.add(
                  new MediaInfo.AudioTrack(
                      i,
                      codec,
                      parameters.ch_layout().nb_channels(),
                      parameters.sample_rate(),
                      language));
          case AVMEDIA_TYPE_SUBTITLE ->
              subtitles.add(new MediaInfo.SubtitleTrack(i, codec, language));
          default -> {
            // Data and attachment streams (timecode, fonts) do not matter to Marquee.
          }
        }
      }
      if (!video.isEmpty() && duration > 0 && lastVideoSeconds < duration * TRUNCATION_TOLERANCE) {
        throw new MediaProbeException(
            MediaProbeException.Reason.CORRUPT,
            "The video ends at %.1f s but the file declares %.1f s: it is truncated."
                .formatted(lastVideoSeconds, duration));
      }
      return new MediaInfo(
          context.iformat().name().getString(), duration, size, video, audio, subtitles);
    } finally {
      avformat_close_input(context);
    }
  }

  /** Reads every packet (no decoding): cheap, and the only way to find a cut-off file. */
  private static double readAllPackets(
      AVFormatContext context, long[] videoPackets, List<List<Double>> keyframes)
      throws MediaProbeException {
    AVPacket packet = av_packet_alloc();
    double lastVideoEnd = 0;
    try {
      while (true) {
        int read = av_read_frame(context, packet);
        if (read == AVERROR_EOF) {
          return lastVideoEnd;
        }
        if (read < 0) {
          throw new MediaProbeException(
              MediaProbeException.Reason.CORRUPT,
              "The file cannot be read to its end: " + FfmpegErrors.describe(read));
        }
        AVStream stream = context.streams(packet.stream_index());
        if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
          videoPackets[packet.stream_index()]++;
          long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
          if (pts != AV_NOPTS_VALUE) {
            double start = (pts - startOf(stream)) * av_q2d(stream.time_base());
            double end = start + packet.duration() * av_q2d(stream.time_base());
            lastVideoEnd = Math.max(lastVideoEnd, end);
            if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
              keyframes.get(packet.stream_index()).add(start);
            }
          }
        }
        av_packet_unref(packet);
      }
    } finally {
      av_packet_free(packet);
    }
  }

  /** What the container declares now: nothing here reads or decodes a packet. */
  private static MediaHeader header(AVFormatContext context) {
    double duration =
        context.duration() == AV_NOPTS_VALUE ? 0 : context.duration() / (double) AV_TIME_BASE;
    List<MediaHeader.Video> video = new ArrayList<>();
    for (int i = 0; i < context.nb_streams(); i++) {
      AVStream stream = context.streams(i);
      if (stream.duration() != AV_NOPTS_VALUE && stream.time_base().den() != 0) {
        duration = Math.max(duration, stream.duration() * av_q2d(stream.time_base()));
      }
      AVCodecParameters parameters = stream.codecpar();
      if (parameters.codec_type() == AVMEDIA_TYPE_VIDEO) {
        video.add(
            new MediaHeader.Video(
                i,
                avcodec_get_name(parameters.codec_id()).getString(),
                parameters.width(),
                parameters.height(),
                frameRate(stream)));
      }
    }
    return new MediaHeader(
        context.iformat().name().getString(), duration, context.nb_streams(), video);
  }

  private static long startOf(AVStream stream) {
    return stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
  }

  private static double frameRate(AVStream stream) {
    AVRational rate = stream.avg_frame_rate();
    if (rate.num() == 0 || rate.den() == 0) {
      rate = stream.r_frame_rate();
    }
    return rate.den() == 0 ? 0 : av_q2d(rate);
  }

  /** Clockwise display rotation of a video stream: 0, 90, 180 or 270. */
  static int rotation(AVCodecParameters parameters) {
    AVPacketSideData matrix =
        av_packet_side_data_get(
            parameters.coded_side_data(),
            parameters.nb_coded_side_data(),
            AV_PKT_DATA_DISPLAYMATRIX);
    if (matrix == null || matrix.isNull()) {
      return 0;
    }
    double degrees = av_display_rotation_get(new IntPointer(matrix.data()));
    if (Double.isNaN(degrees)) {
      return 0;
    }
    // FFmpeg reports counter-clockwise rotation; players think in clockwise degrees. Only quarter
    // turns exist in practice (and in the encoder): anything else goes to the nearest one.
    long quarters = Math.round(-degrees / 90.0);
    return (int) (((quarters * 90) % 360 + 360) % 360);
  }

  private static String tag(AVStream stream, String key) {
    AVDictionaryEntry entry = av_dict_get(stream.metadata(), key, null, 0);
    return entry == null || entry.isNull() ? null : entry.value().getString();
  }
}
