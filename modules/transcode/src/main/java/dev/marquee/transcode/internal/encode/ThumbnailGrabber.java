package dev.marquee.transcode.internal.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import dev.marquee.media.api.AcceptedContainers;
import dev.marquee.media.api.MasterInput;
import dev.marquee.media.api.MediaProbeException;
import java.awt.image.BufferedImage;
import java.util.function.ObjIntConsumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Grabs the master's pictures at fixed times (0, interval, 2 x interval...) as small upright
 * images, for trick-play thumbnails. It decodes on from one picture to the next when they are close
 * and seeks to the keyframe before the next one when they are far apart; pictures before a target
 * that nothing refers to are skipped. Each thumbnail is the first picture at or after its time;
 * past the master's last picture, the last one.
 */
public final class ThumbnailGrabber {
  /** Farther than this ahead, seek instead of decoding on. */
  private static final double SEEK_AHEAD_SECONDS = 6;

  private final int tileWidth;
  private final int tileHeight;
  private final int rotationDegrees;

  /**
   * @param tileWidth upright width of a thumbnail
   * @param tileHeight upright height of a thumbnail
   * @param rotationDegrees the master's display rotation (clockwise), applied to the thumbnails
   */
  public ThumbnailGrabber(int tileWidth, int tileHeight, int rotationDegrees) {
    this.tileWidth = tileWidth;
    this.tileHeight = tileHeight;
    this.rotationDegrees = rotationDegrees;
  }

  /**
   * Hands {@code count} thumbnails to {@code each}, in order, with their index: thumbnail {@code k}
   * shows the master at {@code k x intervalSeconds}.
   */
  public void grab(
      String master, double intervalSeconds, int count, ObjIntConsumer<BufferedImage> each) {
    if (count <= 0) {
      return;
    }
    AVFormatContext input = open(master);
    AVCodecContext decoder = null;
    AVFrame decoded = av_frame_alloc();
    ThumbnailScaler scaler = null;
    AVPacket packet = av_packet_alloc();
    try {
      FfmpegStatus.check(
          avformat_find_stream_info(input, (PointerPointer<?>) null), "reading stream info");
      int videoIndex =
          FfmpegStatus.check(
              av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0),
              "finding video");
      AVStream stream = input.streams(videoIndex);
      AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
      decoder = avcodec_alloc_context3(codec);
      FfmpegStatus.check(
          avcodec_parameters_to_context(decoder, stream.codecpar()), "configuring the decoder");
      decoder.thread_count(1);
      FfmpegStatus.check(avcodec_open2(decoder, codec, (AVDictionary) null), "opening the decoder");
      double timeBase = av_q2d(stream.time_base());
      long streamStart = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
      // A seek past the end would find nothing; times past it get the last picture, decoded on.
      double end =
          stream.duration() > 0
              ? stream.duration() * timeBase
              : input.duration() > 0 ? input.duration() / (double) AV_TIME_BASE : Double.MAX_VALUE;
      scaler = new ThumbnailScaler(tileWidth, tileHeight, rotationDegrees);

      int next = 0;
      double decodedUpTo = 0;
      BufferedImage last = null;
      boolean inputDone = false;
      while (next < count && !inputDone) {
        double target = next * intervalSeconds;
        if (target - decodedUpTo > SEEK_AHEAD_SECONDS && target < end) {
          long to = streamStart + (long) Math.floor(target / timeBase);
          if (av_seek_frame(input, videoIndex, to, AVSEEK_FLAG_BACKWARD) >= 0) {
            avcodec_flush_buffers(decoder);
          }
          decodedUpTo = target;
        }
        int read = av_read_frame(input, packet);
        if (read < 0) {
          inputDone = true;
          FfmpegStatus.check(avcodec_send_packet(decoder, null), "flushing the decoder");
        } else if (packet.stream_index() == videoIndex) {
          boolean beforeTarget =
              target < end
                  && packet.pts() != AV_NOPTS_VALUE
                  && (packet.pts() - streamStart) * timeBase < target - 1e-3;
          decoder.skip_frame(beforeTarget ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
          FfmpegStatus.check(avcodec_send_packet(decoder, packet), "decoding");
          av_packet_unref(packet);
        } else {
          av_packet_unref(packet);
          continue;
        }
        while (next < count) {
          int got = avcodec_receive_frame(decoder, decoded);
          if (got == AVERROR_EAGAIN() || got == AVERROR_EOF) {
            break;
          }
          FfmpegStatus.check(got, "receiving a decoded frame");
          double seconds = (decoded.best_effort_timestamp() - streamStart) * timeBase;
          decodedUpTo = Math.max(decodedUpTo, seconds);
          boolean early = seconds < next * intervalSeconds - 1e-3;
          if (early && next * intervalSeconds < end) {
            continue;
          }
          last = scaler.thumbnail(decoded);
          if (early) {
            // Times past the end: each picture to the end may be the last one.
            continue;
          }
          // One picture stands for every thumbnail time up to its own (a gap in the master).
          while (next < count && next * intervalSeconds <= seconds + 1e-3) {
            each.accept(last, next++);
          }
        }
      }
      if (next < count && last == null) {
        throw new IllegalStateException("no picture decoded for thumbnail " + next);
      }
      while (next < count) {
        each.accept(last, next++);
      }
    } finally {
      av_packet_free(packet);
      av_frame_free(decoded);
      if (scaler != null) {
        scaler.close();
      }
      if (decoder != null) {
        avcodec_free_context(decoder);
      }
      avformat_close_input(input);
    }
  }

  private static AVFormatContext open(String location) {
    try {
      return MasterInput.open(location, AcceptedContainers.MASTERS);
    } catch (MediaProbeException e) {
      throw new IllegalStateException("opening the master failed: " + e.getMessage(), e);
    }
  }
}
