package dev.marquee.systemtests;

import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_EXPLODE;
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
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes every picture of a video file with FFmpeg, strictly (any bitstream error fails, where
 * FFmpeg would otherwise conceal it), and digests the luma planes: wrongly decrypted H.264 cannot
 * pass, and two files with equal digests show the same pictures.
 */
final class FramePixels {
  private FramePixels() {}

  static String digest(Path file) throws Exception {
    AVFormatContext format = new AVFormatContext(null);
    check(avformat_open_input(format, file.toString(), null, null), "opening " + file);
    AVCodecContext decoder = null;
    AVPacket packet = av_packet_alloc();
    AVFrame frame = av_frame_alloc();
    try {
      check(avformat_find_stream_info(format, (AVDictionary) null), "reading streams");
      int index = -1;
      for (int i = 0; i < format.nb_streams(); i++) {
        if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
          index = i;
        }
      }
      if (index < 0) {
        throw new AssertionError(file + " has no video stream");
      }
      AVStream stream = format.streams(index);
      decoder = avcodec_alloc_context3(avcodec_find_decoder(stream.codecpar().codec_id()));
      check(avcodec_parameters_to_context(decoder, stream.codecpar()), "decoder parameters");
      decoder.err_recognition(AV_EF_EXPLODE);
      decoder.thread_count(1);
      check(avcodec_open2(decoder, decoder.codec(), (AVDictionary) null), "opening the decoder");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      int frames = 0;
      while (av_read_frame(format, packet) >= 0) {
        if (packet.stream_index() == index) {
          check(avcodec_send_packet(decoder, packet), "decoding frame " + frames);
          frames += drain(decoder, frame, sha);
        }
        av_packet_unref(packet);
      }
      check(avcodec_send_packet(decoder, null), "flushing");
      frames += drain(decoder, frame, sha);
      return frames + ":" + HexFormat.of().formatHex(sha.digest());
    } finally {
      av_frame_free(frame);
      av_packet_free(packet);
      if (decoder != null) {
        avcodec_free_context(decoder);
      }
      avformat_close_input(format);
    }
  }

  private static int drain(AVCodecContext decoder, AVFrame frame, MessageDigest sha) {
    int n = 0;
    while (true) {
      int r = avcodec_receive_frame(decoder, frame);
      if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
        return n;
      }
      check(r, "decoding");
      byte[] line = new byte[frame.width()];
      for (int y = 0; y < frame.height(); y++) {
        frame.data(0).position((long) y * frame.linesize(0)).get(line);
        sha.update(line);
      }
      frame.data(0).position(0);
      n++;
    }
  }

  private static void check(int result, String what) {
    if (result < 0) {
      throw new AssertionError("FFmpeg failed " + what + " (error " + result + ")");
    }
  }
}
