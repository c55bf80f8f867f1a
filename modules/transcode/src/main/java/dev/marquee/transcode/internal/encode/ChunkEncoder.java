package dev.marquee.transcode.internal.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
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
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BITEXACT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Encodes one chunk of the master at one rung with libx264 (or jcodec, {@link VideoEngine}), in
 * process: seeks to the keyframe before the chunk, decodes to the chunk's first frame, scales, and
 * encodes exactly the chunk's frames as one closed GOP that starts with an IDR frame. The master
 * may be a local path or an HTTP(S) URL (a presigned object storage URL: FFmpeg reads it with range
 * requests).
 */
public final class ChunkEncoder {
  static {
    av_log_set_level(AV_LOG_ERROR);
  }

  private final VideoEngine engine;
  private final String preset;

  /** libx264 with the given preset. */
  public ChunkEncoder(String preset) {
    this(VideoEngine.LIBX264, preset);
  }

  public ChunkEncoder(VideoEngine engine, String preset) {
    this.engine = engine;
    this.preset = preset;
  }

  public EncodedChunk encode(String master, ChunkSpec chunk, Rung rung) {
    return encode(master, chunk, List.of(rung)).get(0);
  }

  /**
   * Encodes the chunk at several rungs in one pass: the master is read and decoded once, and each
   * decoded picture is scaled and encoded for every rung.
   */
  public List<EncodedChunk> encode(String master, ChunkSpec chunk, List<Rung> rungs) {
    AVFormatContext input = new AVFormatContext(null);
    check(avformat_open_input(input, master, null, null), "opening the master");
    AVCodecContext decoder = null;
    List<RungOutput> outputs = new ArrayList<>();
    AVFrame decoded = av_frame_alloc();
    AVPacket packet = av_packet_alloc();
    try {
      if (!describesVideo(input)) {
        check(avformat_find_stream_info(input, (PointerPointer<?>) null), "reading stream info");
      }
      int videoIndex =
          check(
              av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0),
              "finding video");
      AVStream stream = input.streams(videoIndex);
      AVCodec decoderCodec = avcodec_find_decoder(stream.codecpar().codec_id());
      decoder = avcodec_alloc_context3(decoderCodec);
      check(avcodec_parameters_to_context(decoder, stream.codecpar()), "configuring the decoder");
      decoder.thread_count(1);
      check(avcodec_open2(decoder, decoderCodec, (AVDictionary) null), "opening the decoder");

      double timeBase = av_q2d(stream.time_base());
      long streamStart = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
      double fps = (double) chunk.fpsNum() / chunk.fpsDen();
      long seekTarget = streamStart + (long) Math.floor(chunk.startSeconds() / timeBase);
      check(
          av_seek_frame(input, videoIndex, seekTarget, AVSEEK_FLAG_BACKWARD),
          "seeking to the chunk");

      int emitted = 0;
      int[] first = null;
      boolean inputDone = false;
      while (emitted < chunk.frameCount() && !inputDone) {
        int read = av_read_frame(input, packet);
        if (read < 0) {
          inputDone = true;
          check(avcodec_send_packet(decoder, null), "flushing the decoder");
        } else if (packet.stream_index() == videoIndex) {
          check(avcodec_send_packet(decoder, packet), "decoding");
          av_packet_unref(packet);
        } else {
          av_packet_unref(packet);
          continue;
        }
        while (emitted < chunk.frameCount()) {
          int got = avcodec_receive_frame(decoder, decoded);
          if (got == AVERROR_EAGAIN() || got == AVERROR_EOF) {
            break;
          }
          check(got, "receiving a decoded frame");
          long pts = decoded.best_effort_timestamp();
          long frameNumber = Math.round((pts - streamStart) * timeBase * fps);
          if (frameNumber < chunk.firstFrame()) {
            continue;
          }
          if (outputs.isEmpty()) {
            // Opened from the first picture, whose size and pixel format are the decoder's.
            first = new int[] {decoded.width(), decoded.height(), decoded.format()};
            for (Rung rung : rungs) {
              RungOutput output = new RungOutput();
              // Listed before anything is allocated, so that a failure half-way frees what was
              // made.
              outputs.add(output);
              openOutput(output, chunk, rung, decoded);
            }
          } else if (decoded.width() != first[0]
              || decoded.height() != first[1]
              || decoded.format() != first[2]) {
            throw new IllegalStateException(
                "the master changes picture size or pixel format within chunk " + chunk.index());
          }
          for (RungOutput output : outputs) {
            check(av_frame_make_writable(output.scaled), "making the picture writable");
            clearPadding(output.scaled);
            sws_scale(
                output.scaler,
                decoded.data(),
                decoded.linesize(),
                0,
                decoded.height(),
                output.scaled.data(),
                output.scaled.linesize());
            if (output.upright != null) {
              check(av_frame_make_writable(output.upright), "making the picture writable");
              clearPadding(output.upright);
              PictureRotation.turn(output.scaled, output.upright, chunk.rotationDegrees());
            }
          }
          // A variable-rate master: repeat the picture for output frames it skipped.
          long upTo = Math.min(frameNumber, chunk.firstFrame() + chunk.frameCount() - 1);
          while (chunk.firstFrame() + emitted <= upTo) {
            for (RungOutput output : outputs) {
              output.encoder.encode(output.picture(), emitted);
            }
            emitted++;
          }
        }
      }
      // The master ended early (its last chunk is short of frames): hold the last picture.
      while (emitted > 0 && emitted < chunk.frameCount()) {
        for (RungOutput output : outputs) {
          output.encoder.encode(output.picture(), emitted);
        }
        emitted++;
      }
      if (emitted == 0) {
        throw new IllegalStateException("no frames decoded for chunk " + chunk.index());
      }
      List<EncodedChunk> chunks = new ArrayList<>();
      for (RungOutput output : outputs) {
        List<CmafSample> samples = output.encoder.finish();
        chunks.add(
            new EncodedChunk(
                chunk, output.width, output.rung.height(), output.encoder.avc(), samples));
      }
      return chunks;
    } finally {
      av_packet_free(packet);
      av_frame_free(decoded);
      for (RungOutput output : outputs) {
        output.close();
      }
      if (decoder != null) {
        avcodec_free_context(decoder);
      }
      avformat_close_input(input);
    }
  }

  private void openOutput(RungOutput output, ChunkSpec chunk, Rung rung, AVFrame source) {
    output.rung = rung;
    int rotation = chunk.rotationDegrees();
    int[] display = PictureRotation.turnedSize(source.width(), source.height(), rotation);
    output.width = rung.widthFor(display[0], display[1]);
    output.encoder = engine.open(chunk, rung, output.width, preset);
    // A rotated master is scaled in its stored orientation, then turned upright.
    int[] stored = PictureRotation.turnedSize(output.width, rung.height(), rotation);
    output.scaled = picture(stored[0], stored[1]);
    if (rotation != 0) {
      output.upright = picture(output.width, rung.height());
    }
    output.scaler =
        sws_getContext(
            source.width(),
            source.height(),
            source.format(),
            stored[0],
            stored[1],
            AV_PIX_FMT_YUV420P,
            // Bit-exact scaling: the same chunk scales to the same pixels on every run and on
            // every server, whatever its CPU, so re-encoded chunks match the ones kept.
            SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT,
            null,
            null,
            (DoublePointer) null);
    if (output.scaler == null || output.scaler.isNull()) {
      throw new IllegalStateException(
          "cannot scale the master's pictures (pixel format " + source.format() + ")");
    }
  }

  /**
   * Whether the container's header already gives the video's codec, size and start time (MP4 and
   * QuickTime do). Then the chunk skips FFmpeg's stream probing, which decodes pictures from the
   * start of the master (about 90 ms of CPU per chunk for 1080p H.264); other containers (Matroska,
   * MPEG-TS) are probed as before.
   */
  private static boolean describesVideo(AVFormatContext input) {
    int index = av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
    if (index < 0) {
      return false;
    }
    AVStream stream = input.streams(index);
    return stream.codecpar().codec_id() != AV_CODEC_ID_NONE
        && stream.codecpar().width() > 0
        && stream.codecpar().height() > 0
        && stream.start_time() != AV_NOPTS_VALUE
        && stream.time_base().num() > 0;
  }

  private static AVFrame picture(int width, int height) {
    AVFrame picture = av_frame_alloc();
    picture.format(AV_PIX_FMT_YUV420P);
    picture.width(width);
    picture.height(height);
    check(av_frame_get_buffer(picture, 0), "allocating the scaled picture");
    return picture;
  }

  /** One rung's scaler, pictures, encoder and collected packets. */
  private static final class RungOutput {
    Rung rung;
    int width;
    PictureEncoder encoder;
    SwsContext scaler;
    AVFrame scaled;
    AVFrame upright;

    /** The picture the encoder takes: the scaled one, turned upright if the master is rotated. */
    AVFrame picture() {
      return upright != null ? upright : scaled;
    }

    void close() {
      if (scaled != null) {
        av_frame_free(scaled);
      }
      if (upright != null) {
        av_frame_free(upright);
      }
      if (scaler != null) {
        sws_freeContext(scaler);
      }
      if (encoder != null) {
        encoder.close();
      }
    }
  }

  /**
   * Zeroes the picture's buffers, padding included. libx264 reads a few bytes past a row's width
   * when it copies a picture whose width is not a multiple of 16 (426 for 240p); left as they came
   * from the allocator, those bytes would make the same chunk encode differently from run to run.
   */
  private static void clearPadding(AVFrame picture) {
    for (int plane = 0; plane < 3; plane++) {
      int rows = plane == 0 ? picture.height() : (picture.height() + 1) / 2;
      org.bytedeco.javacpp.Pointer.memset(
          picture.data(plane), 0, (long) picture.linesize(plane) * rows);
    }
  }

  private static int check(int code, String what) {
    return FfmpegStatus.check(code, what);
  }
}
