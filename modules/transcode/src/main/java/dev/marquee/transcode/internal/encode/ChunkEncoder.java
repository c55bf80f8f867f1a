package dev.marquee.transcode.internal.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
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
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import dev.marquee.media.api.AcceptedContainers;
import dev.marquee.media.api.MasterInput;
import dev.marquee.media.api.MediaProbeException;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
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
   * decoded picture is scaled down the ladder made of these rungs and encoded for every one.
   */
  public List<EncodedChunk> encode(String master, ChunkSpec chunk, List<Rung> rungs) {
    return encode(master, chunk, rungs, rungs);
  }

  /**
   * Encodes the chunk at the {@code wanted} rungs of the {@code ladder}, scaled as they are when
   * the whole ladder is encoded (see {@link ScalingLadder}).
   */
  public List<EncodedChunk> encode(
      String master, ChunkSpec chunk, List<Rung> ladder, List<Rung> wanted) {
    List<EncodedChunk> result = new ArrayList<>();
    encode(master, List.of(chunk), ladder, c -> wanted, result::addAll, null);
    return result;
  }

  /** Encodes a run of consecutive chunks in one pass, without thumbnails (see below). */
  public void encode(
      String master,
      List<ChunkSpec> run,
      List<Rung> ladder,
      Function<ChunkSpec, List<Rung>> wanted,
      Consumer<List<EncodedChunk>> done) {
    encode(master, run, ladder, wanted, done, null);
  }

  /**
   * Encodes a run of consecutive chunks in one pass over the master: it seeks once, to the keyframe
   * before the first chunk, and decodes on from one chunk into the next, so that a master whose
   * keyframes are not on the chunk grid (or are far apart) is not decoded again from its previous
   * keyframe for every chunk. Each chunk is handed to {@code done} as soon as its last frame is
   * encoded, with its {@code wanted} rungs in ladder order; a chunk with none is decoded only. A
   * restarted partition decodes its whole run again and encodes only what is left, so its decoder
   * starts where the uninterrupted run's did. Each picture is shown to the {@code thumbnails} tap
   * (if not null) with the run's output frames it stands for, before those frames are encoded.
   */
  public void encode(
      String master,
      List<ChunkSpec> run,
      List<Rung> ladder,
      Function<ChunkSpec, List<Rung>> wanted,
      Consumer<List<EncodedChunk>> done,
      ThumbnailTap thumbnails) {
    for (int i = 1; i < run.size(); i++) {
      ChunkSpec before = run.get(i - 1);
      if (run.get(i).firstFrame() != before.firstFrame() + before.frameCount()) {
        throw new IllegalArgumentException("chunks of a run must follow each other: " + run);
      }
    }
    List<Rung> all =
        ladder.stream()
            .filter(r -> run.stream().anyMatch(c -> wanted.apply(c).contains(r)))
            .toList();
    ChunkSpec start = run.get(0);
    AVFormatContext input = openMaster(master);
    AVCodecContext decoder = null;
    List<RungOutput> outputs = new ArrayList<>();
    ScalingLadder scaling = null;
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
      double fps = (double) start.fpsNum() / start.fpsDen();
      long seekTarget = streamStart + (long) Math.floor(start.startSeconds() / timeBase);
      check(
          av_seek_frame(input, videoIndex, seekTarget, AVSEEK_FLAG_BACKWARD),
          "seeking to the chunk");

      ChunkSpec end = run.get(run.size() - 1);
      long runLast = end.firstFrame() + end.frameCount() - 1;
      long shownUpTo = start.firstFrame() - 1;
      int current = 0;
      int emitted = 0;
      boolean opened = false;
      boolean inputDone = false;
      while (current < run.size() && !inputDone) {
        int read = av_read_frame(input, packet);
        if (read < 0) {
          inputDone = true;
          check(avcodec_send_packet(decoder, null), "flushing the decoder");
        } else if (packet.stream_index() == videoIndex) {
          // Pictures before the run are decoded only as references for the run's own: a picture
          // nothing refers to (most B-frames) is skipped there.
          boolean beforeRun =
              packet.pts() != AV_NOPTS_VALUE
                  && Math.round((packet.pts() - streamStart) * timeBase * fps) < start.firstFrame();
          decoder.skip_frame(beforeRun ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
          check(avcodec_send_packet(decoder, packet), "decoding");
          av_packet_unref(packet);
        } else {
          av_packet_unref(packet);
          continue;
        }
        while (current < run.size()) {
          int got = avcodec_receive_frame(decoder, decoded);
          if (got == AVERROR_EAGAIN() || got == AVERROR_EOF) {
            break;
          }
          check(got, "receiving a decoded frame");
          long pts = decoded.best_effort_timestamp();
          long frameNumber = Math.round((pts - streamStart) * timeBase * fps);
          if (frameNumber < run.get(current).firstFrame()) {
            continue;
          }
          if (thumbnails != null && frameNumber > shownUpTo && shownUpTo < runLast) {
            long upTo = Math.min(frameNumber, runLast);
            thumbnails.picture(decoded, shownUpTo + 1, upTo);
            shownUpTo = upTo;
          }
          if (scaling == null) {
            // Opened from the first picture, whose size and pixel format are the decoder's.
            scaling = new ScalingLadder(decoded, start.rotationDegrees(), ladder, all);
          }
          scaling.scale(decoded);
          turnUpright(outputs, start.rotationDegrees());
          // The picture goes to every output frame up to its own (a variable-rate master skips
          // some), in this chunk and, past its end, in the next ones.
          while (current < run.size()) {
            ChunkSpec chunk = run.get(current);
            if (!opened) {
              openOutputs(outputs, chunk, wanted.apply(chunk), scaling);
              opened = true;
            }
            long upTo = Math.min(frameNumber, chunk.firstFrame() + chunk.frameCount() - 1);
            emitted = emit(outputs, emitted, (int) (upTo - chunk.firstFrame() + 1));
            if (emitted < chunk.frameCount()) {
              break;
            }
            handOver(done, finish(outputs, chunk));
            current++;
            emitted = 0;
            opened = false;
          }
        }
      }
      // The master ended early (its last chunk is short of frames): hold the last picture.
      if (current < run.size() && emitted > 0) {
        ChunkSpec chunk = run.get(current);
        emit(outputs, emitted, chunk.frameCount());
        handOver(done, finish(outputs, chunk));
        current++;
      }
      if (current < run.size()) {
        throw new IllegalStateException("no frames decoded for chunk " + run.get(current).index());
      }
    } finally {
      av_packet_free(packet);
      av_frame_free(decoded);
      for (RungOutput output : outputs) {
        output.close();
      }
      if (scaling != null) {
        scaling.close();
      }
      if (decoder != null) {
        avcodec_free_context(decoder);
      }
      avformat_close_input(input);
    }
  }

  /** Encodes the current pictures as the chunk's frames {@code from} to {@code to} (exclusive). */
  private static int emit(List<RungOutput> outputs, int from, int to) {
    for (int frame = from; frame < to; frame++) {
      for (RungOutput output : outputs) {
        output.encoder.encode(output.picture(), frame);
      }
    }
    return Math.max(from, to);
  }

  /** A chunk with no rungs wanted (decoded only, to reach the next ones) is not handed over. */
  private static void handOver(Consumer<List<EncodedChunk>> done, List<EncodedChunk> chunk) {
    if (!chunk.isEmpty()) {
      done.accept(chunk);
    }
  }

  /** Opens the chunk's encoders, each with the current picture of its rung turned upright. */
  private void openOutputs(
      List<RungOutput> outputs, ChunkSpec chunk, List<Rung> rungs, ScalingLadder scaling) {
    for (Rung rung : rungs) {
      RungOutput output = new RungOutput();
      // Listed before anything is allocated, so that a failure half-way frees what was made.
      outputs.add(output);
      openOutput(output, chunk, rung, scaling);
    }
    turnUpright(outputs, chunk.rotationDegrees());
  }

  private static void turnUpright(List<RungOutput> outputs, int rotation) {
    for (RungOutput output : outputs) {
      if (output.upright != null) {
        ScalingLadder.writable(output.upright);
        PictureRotation.turn(output.scaled, output.upright, rotation);
      }
    }
  }

  /** Flushes the chunk's encoders, frees them and empties the list. */
  private static List<EncodedChunk> finish(List<RungOutput> outputs, ChunkSpec chunk) {
    List<EncodedChunk> chunks = new ArrayList<>();
    for (RungOutput output : outputs) {
      List<CmafSample> samples = output.encoder.finish();
      chunks.add(
          new EncodedChunk(chunk, output.width, output.height, output.encoder.avc(), samples));
    }
    for (RungOutput output : outputs) {
      output.close();
    }
    outputs.clear();
    return chunks;
  }

  private void openOutput(RungOutput output, ChunkSpec chunk, Rung rung, ScalingLadder scaling) {
    output.rung = rung;
    output.width = scaling.width(rung);
    output.height = scaling.height(rung);
    output.encoder = engine.open(chunk, rung, output.width, output.height, preset);
    // A rotated master is scaled in its stored orientation, then turned upright.
    output.scaled = scaling.picture(rung);
    if (chunk.rotationDegrees() != 0) {
      output.upright = ScalingLadder.blank(output.width, output.height);
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

  /** One rung's encoder and the picture it takes. */
  private static final class RungOutput {
    Rung rung;
    int width;
    int height;
    PictureEncoder encoder;

    /** The rung's picture in the cascade (owned by the {@link ScalingLadder}). */
    AVFrame scaled;

    AVFrame upright;

    /** The picture the encoder takes: the scaled one, turned upright if the master is rotated. */
    AVFrame picture() {
      return upright != null ? upright : scaled;
    }

    void close() {
      if (upright != null) {
        av_frame_free(upright);
      }
      if (encoder != null) {
        encoder.close();
      }
    }
  }

  private static int check(int code, String what) {
    return FfmpegStatus.check(code, what);
  }

  /**
   * Through media's one restricted opening: only the containers masters come in, and only the
   * protocol the location needs (a presigned URL, or a path in tests).
   */
  private static AVFormatContext openMaster(String location) {
    try {
      return MasterInput.open(location, AcceptedContainers.MASTERS);
    } catch (MediaProbeException e) {
      throw new IllegalStateException("opening the master failed: " + e.getMessage(), e);
    }
  }
}
