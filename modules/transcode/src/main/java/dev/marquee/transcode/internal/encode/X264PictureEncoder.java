package dev.marquee.transcode.internal.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import dev.marquee.transcode.internal.cmaf.AvcConfiguration;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/** libx264 through FFmpeg: High profile, B-frames, VBV at 1.5x the rung's bitrate. */
final class X264PictureEncoder implements PictureEncoder {
  private final AVCodecContext encoder;
  private final AVPacket packet = av_packet_alloc();
  private final List<CmafSample> samples = new ArrayList<>();

  X264PictureEncoder(ChunkSpec chunk, Rung rung, int width, int height, String preset) {
    AVCodec codec = avcodec_find_encoder_by_name("libx264");
    encoder = avcodec_alloc_context3(codec);
    encoder.width(width);
    encoder.height(height);
    encoder.pix_fmt(AV_PIX_FMT_YUV420P);
    encoder.time_base(new AVRational().num(chunk.fpsDen()).den(chunk.fpsNum()));
    encoder.framerate(new AVRational().num(chunk.fpsNum()).den(chunk.fpsDen()));
    encoder.gop_size(chunk.frameCount());
    encoder.max_b_frames(2);
    encoder.bit_rate(rung.bitrate());
    encoder.rc_max_rate(rung.bitrate() * 3 / 2);
    encoder.rc_buffer_size((int) Math.min(Integer.MAX_VALUE, rung.bitrate() * 2));
    encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    // One thread per encoder: chunks run in parallel, and output is identical run after run.
    encoder.thread_count(1);
    AVDictionary options = new AVDictionary(null);
    av_dict_set(options, "preset", preset, 0);
    av_dict_set(options, "profile", "high", 0);
    av_dict_set(
        options,
        "x264-params",
        "keyint="
            + chunk.frameCount()
            + ":min-keyint="
            + chunk.frameCount()
            + ":scenecut=0:open-gop=0:repeat-headers=0:aud=0"
            // x264's AVX-512 macroblock-tree code reads memory it never wrote: with mbtree on, the
            // same chunk encodes differently from run to run on AVX-512 CPUs (measured: 6-23 of 24
            // re-encodes differed). Resumed jobs must match uninterrupted ones byte for byte, so
            // mbtree is off; see docs/adr/0007-deterministic-chunk-encoding.md.
            + ":mbtree=0",
        0);
    try {
      FfmpegStatus.check(avcodec_open2(encoder, codec, options), "opening libx264");
    } catch (RuntimeException e) {
      close();
      throw e;
    } finally {
      av_dict_free(options);
    }
  }

  @Override
  public void encode(AVFrame picture, int index) {
    picture.pts(index);
    picture.pict_type(index == 0 ? AV_PICTURE_TYPE_I : 0);
    send(picture);
  }

  @Override
  public List<CmafSample> finish() {
    send(null);
    return samples;
  }

  @Override
  public AvcConfiguration avc() {
    byte[] extradata = new byte[encoder.extradata_size()];
    encoder.extradata().get(extradata);
    return AvcConfiguration.fromAnnexB(extradata);
  }

  private void send(AVFrame frame) {
    FfmpegStatus.check(avcodec_send_frame(encoder, frame), "encoding");
    while (true) {
      int got = avcodec_receive_packet(encoder, packet);
      if (got == AVERROR_EAGAIN() || got == AVERROR_EOF) {
        return;
      }
      FfmpegStatus.check(got, "receiving an encoded packet");
      byte[] data = new byte[packet.size()];
      new BytePointer(packet.data()).capacity(packet.size()).get(data);
      int decodeIndex = samples.size();
      samples.add(
          new CmafSample(
              AvcConfiguration.toLengthPrefixed(data),
              1,
              (int) (packet.pts() - decodeIndex),
              (packet.flags() & AV_PKT_FLAG_KEY) != 0));
      av_packet_unref(packet);
    }
  }

  @Override
  public void close() {
    av_packet_free(packet);
    avcodec_free_context(encoder);
  }
}
