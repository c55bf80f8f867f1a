package dev.marquee.media.internal.ffmpeg;

import static dev.marquee.media.internal.ffmpeg.FfmpegErrors.check;
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
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.marquee.media.api.AcceptedContainers;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
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

/** Decodes one picture at a time with FFmpeg and writes it as JPEG with ImageIO. */
public final class FfmpegFrameGrab {
  private FfmpegFrameGrab() {}

  public static byte[] jpeg(String path, double atSeconds, int width) {
    AVFormatContext input = RestrictedInput.openOrFail(path, AcceptedContainers.MASTERS);
    AVCodecContext decoder = null;
    AVFrame decoded = av_frame_alloc();
    AVFrame rgb = av_frame_alloc();
    AVPacket packet = av_packet_alloc();
    SwsContext scaler = null;
    try {
      check(avformat_find_stream_info(input, (PointerPointer<?>) null), "reading stream info");
      int index =
          check(
              av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0),
              "finding the video stream");
      AVStream stream = input.streams(index);
      AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
      decoder = avcodec_alloc_context3(codec);
      check(avcodec_parameters_to_context(decoder, stream.codecpar()), "configuring the decoder");
      check(avcodec_open2(decoder, codec, (AVDictionary) null), "opening the decoder");
      double timeBase = av_q2d(stream.time_base());
      long start = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
      double duration = input.duration() > 0 ? input.duration() / 1_000_000.0 : Double.MAX_VALUE;
      double at = Math.max(0, Math.min(atSeconds, duration * 0.9));
      long target = start + (long) Math.floor(at / timeBase);
      av_seek_frame(input, index, target, AVSEEK_FLAG_BACKWARD);

      boolean inputDone = false;
      while (true) {
        if (!inputDone) {
          int read = av_read_frame(input, packet);
          if (read < 0) {
            inputDone = true;
            avcodec_send_packet(decoder, null);
          } else {
            if (packet.stream_index() == index) {
              avcodec_send_packet(decoder, packet);
            }
            av_packet_unref(packet);
          }
        }
        int got = avcodec_receive_frame(decoder, decoded);
        if (got == AVERROR_EOF) {
          throw new IllegalStateException("no picture at or after " + at + " s");
        }
        if (got == AVERROR_EAGAIN()) {
          if (inputDone) {
            throw new IllegalStateException("no picture at or after " + at + " s");
          }
          continue;
        }
        check(got, "decoding a picture");
        long pts = decoded.best_effort_timestamp();
        if (pts != AV_NOPTS_VALUE && pts < target && !inputDone) {
          continue;
        }
        // A rotated video is scaled as stored, then turned upright as a player shows it.
        int rotation = FfmpegProbe.rotation(stream.codecpar());
        boolean sideways = rotation == 90 || rotation == 270;
        int shownWidth = sideways ? decoder.height() : decoder.width();
        int shownHeight = sideways ? decoder.width() : decoder.height();
        int height = Math.max(2, (int) Math.round((double) width * shownHeight / shownWidth) & ~1);
        int storedWidth = sideways ? height : width;
        int storedHeight = sideways ? width : height;
        rgb.format(AV_PIX_FMT_BGR24);
        rgb.width(storedWidth);
        rgb.height(storedHeight);
        check(av_frame_get_buffer(rgb, 1), "allocating the picture");
        scaler =
            sws_getContext(
                decoder.width(),
                decoder.height(),
                decoder.pix_fmt(),
                storedWidth,
                storedHeight,
                AV_PIX_FMT_BGR24,
                SWS_BICUBIC,
                null,
                null,
                (DoublePointer) null);
        sws_scale(
            scaler,
            decoded.data(),
            decoded.linesize(),
            0,
            decoder.height(),
            rgb.data(),
            rgb.linesize());
        BufferedImage image =
            new BufferedImage(storedWidth, storedHeight, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = rgb.linesize(0);
        for (int y = 0; y < storedHeight; y++) {
          rgb.data(0).position((long) y * stride).get(pixels, y * storedWidth * 3, storedWidth * 3);
        }
        rgb.data(0).position(0);
        image = upright(image, rotation, width, height);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "jpg", jpeg)) {
          throw new IllegalStateException("no JPEG writer in this JVM");
        }
        return jpeg.toByteArray();
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing the JPEG failed: " + e.getMessage(), e);
    } finally {
      if (scaler != null) {
        sws_freeContext(scaler);
      }
      av_packet_free(packet);
      av_frame_free(decoded);
      av_frame_free(rgb);
      if (decoder != null) {
        avcodec_free_context(decoder);
      }
      avformat_close_input(input);
    }
  }

  /** The picture turned clockwise by the video's display rotation. */
  private static BufferedImage upright(BufferedImage stored, int rotation, int width, int height) {
    if (rotation == 0) {
      return stored;
    }
    BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = turned.createGraphics();
    try {
      g.translate(width / 2.0, height / 2.0);
      g.rotate(Math.toRadians(rotation));
      g.drawImage(stored, -stored.getWidth() / 2, -stored.getHeight() / 2, null);
    } finally {
      g.dispose();
    }
    return turned;
  }
}
