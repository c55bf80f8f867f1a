package dev.marquee.transcode.internal.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import dev.marquee.media.api.AcceptedContainers;
import dev.marquee.media.api.MasterInput;
import dev.marquee.media.api.MediaProbeException;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/** Decodes one audio stream of the master in full and encodes it once: AAC-LC, 48 kHz, stereo. */
public final class AudioEncoder {
  public static final int SAMPLE_RATE = 48_000;
  private static final int CHANNELS = 2;

  private final long bitrate;

  public AudioEncoder(long bitrate) {
    this.bitrate = bitrate;
  }

  public EncodedAudio encode(String master, int streamIndex) {
    AVFormatContext input = openMaster(master);
    AVCodecContext decoder = null;
    AVCodecContext encoder = null;
    SwrContext resampler = new SwrContext(null);
    AVAudioFifo fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, CHANNELS, SAMPLE_RATE);
    AVFrame decoded = av_frame_alloc();
    AVFrame converted = av_frame_alloc();
    AVFrame toEncode = av_frame_alloc();
    AVPacket packet = av_packet_alloc();
    List<CmafSample> frames = new ArrayList<>();
    try {
      check(avformat_find_stream_info(input, (PointerPointer<?>) null), "reading stream info");
      // Only this stream's packets are read: the demuxer skips the bytes of discarded streams, so a
      // master over HTTP sends its audio (a few MB) instead of all of its video.
      for (int i = 0; i < input.nb_streams(); i++) {
        if (i != streamIndex) {
          input.streams(i).discard(AVDISCARD_ALL);
        }
      }
      var stream = input.streams(streamIndex);
      AVCodec decoderCodec = avcodec_find_decoder(stream.codecpar().codec_id());
      decoder = avcodec_alloc_context3(decoderCodec);
      check(
          avcodec_parameters_to_context(decoder, stream.codecpar()),
          "configuring the audio decoder");
      check(avcodec_open2(decoder, decoderCodec, (AVDictionary) null), "opening the audio decoder");

      AVCodec aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
      encoder = avcodec_alloc_context3(aac);
      encoder.sample_fmt(AV_SAMPLE_FMT_FLTP);
      encoder.sample_rate(SAMPLE_RATE);
      av_channel_layout_default(encoder.ch_layout(), CHANNELS);
      encoder.bit_rate(bitrate);
      encoder.time_base(new AVRational().num(1).den(SAMPLE_RATE));
      encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
      check(avcodec_open2(encoder, aac, (AVDictionary) null), "opening the AAC encoder");

      AVChannelLayout stereo = new AVChannelLayout();
      av_channel_layout_default(stereo, CHANNELS);
      check(
          swr_alloc_set_opts2(
              resampler,
              stereo,
              AV_SAMPLE_FMT_FLTP,
              SAMPLE_RATE,
              decoder.ch_layout(),
              decoder.sample_fmt(),
              decoder.sample_rate(),
              0,
              null),
          "configuring the resampler");
      check(swr_init(resampler), "starting the resampler");

      converted.format(AV_SAMPLE_FMT_FLTP);
      av_channel_layout_default(converted.ch_layout(), CHANNELS);
      converted.sample_rate(SAMPLE_RATE);
      converted.nb_samples(SAMPLE_RATE);
      check(av_frame_get_buffer(converted, 0), "allocating resampled audio");
      toEncode.format(AV_SAMPLE_FMT_FLTP);
      av_channel_layout_default(toEncode.ch_layout(), CHANNELS);
      toEncode.sample_rate(SAMPLE_RATE);
      toEncode.nb_samples(encoder.frame_size());
      check(av_frame_get_buffer(toEncode, 0), "allocating AAC input");

      long[] sent = {0};
      boolean done = false;
      while (!done) {
        int read = av_read_frame(input, packet);
        if (read < 0) {
          done = true;
          check(avcodec_send_packet(decoder, null), "flushing the audio decoder");
        } else if (packet.stream_index() == streamIndex) {
          check(avcodec_send_packet(decoder, packet), "decoding audio");
          av_packet_unref(packet);
        } else {
          av_packet_unref(packet);
          continue;
        }
        while (true) {
          int got = avcodec_receive_frame(decoder, decoded);
          if (got == AVERROR_EAGAIN() || got == AVERROR_EOF) {
            break;
          }
          check(got, "receiving decoded audio");
          int out =
              swr_convert(
                  resampler, converted.data(), SAMPLE_RATE, decoded.data(), decoded.nb_samples());
          check(out, "resampling");
          av_audio_fifo_write(fifo, converted.data(), out);
          drain(fifo, encoder, toEncode, packet, frames, sent, false);
        }
      }
      int tail = swr_convert(resampler, converted.data(), SAMPLE_RATE, (PointerPointer<?>) null, 0);
      if (tail > 0) {
        av_audio_fifo_write(fifo, converted.data(), tail);
      }
      drain(fifo, encoder, toEncode, packet, frames, sent, true);
      send(encoder, null, packet, frames);
      byte[] asc = new byte[encoder.extradata_size()];
      encoder.extradata().get(asc);
      return new EncodedAudio(asc, SAMPLE_RATE, CHANNELS, frames);
    } finally {
      av_packet_free(packet);
      av_frame_free(decoded);
      av_frame_free(converted);
      av_frame_free(toEncode);
      av_audio_fifo_free(fifo);
      swr_free(resampler);
      if (decoder != null) {
        avcodec_free_context(decoder);
      }
      if (encoder != null) {
        avcodec_free_context(encoder);
      }
      avformat_close_input(input);
    }
  }

  /** Feeds whole AAC frames (and at the end the short last one) to the encoder. */
  private static void drain(
      AVAudioFifo fifo,
      AVCodecContext encoder,
      AVFrame frame,
      AVPacket packet,
      List<CmafSample> frames,
      long[] sent,
      boolean last) {
    int size = encoder.frame_size();
    while (av_audio_fifo_size(fifo) >= size || (last && av_audio_fifo_size(fifo) > 0)) {
      int count = Math.min(size, av_audio_fifo_size(fifo));
      check(av_frame_make_writable(frame), "making audio writable");
      frame.nb_samples(count);
      av_audio_fifo_read(fifo, frame.data(), count);
      frame.pts(sent[0]);
      sent[0] += count;
      send(encoder, frame, packet, frames);
    }
  }

  private static void send(
      AVCodecContext encoder, AVFrame frame, AVPacket packet, List<CmafSample> frames) {
    check(avcodec_send_frame(encoder, frame), "encoding AAC");
    while (true) {
      int got = avcodec_receive_packet(encoder, packet);
      if (got == AVERROR_EAGAIN() || got == AVERROR_EOF) {
        return;
      }
      check(got, "receiving AAC");
      byte[] data = new byte[packet.size()];
      new BytePointer(packet.data()).capacity(packet.size()).get(data);
      frames.add(new CmafSample(data, (int) Math.max(1, packet.duration()), 0, true));
      av_packet_unref(packet);
    }
  }

  private static int check(int code, String what) {
    return FfmpegStatus.check(code, what);
  }

  /**
   * Through media's one restricted opening: only the containers masters and added audio come in,
   * and only the protocol the location needs (a presigned URL, or a path in tests).
   */
  private static AVFormatContext openMaster(String location) {
    try {
      return MasterInput.open(location, AcceptedContainers.AUDIO_TRACKS);
    } catch (MediaProbeException e) {
      throw new IllegalStateException("opening the master failed: " + e.getMessage(), e);
    }
  }
}
