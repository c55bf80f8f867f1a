package dev.marquee.media.internal.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_PROP_TEXT_SUB;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_decode_subtitle2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avsubtitle_free;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import dev.marquee.media.api.AcceptedContainers;
import dev.marquee.media.api.EmbeddedSubtitles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVSubtitle;
import org.bytedeco.ffmpeg.avcodec.AVSubtitleRect;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.javacpp.PointerPointer;

/** Decodes a file's text subtitle streams with FFmpeg's subtitle decoders, in one pass. */
public final class FfmpegSubtitleReader {
  private FfmpegSubtitleReader() {}

  public static List<EmbeddedSubtitles.Track> read(String path) {
    AVFormatContext input = RestrictedInput.openOrFail(path, AcceptedContainers.MASTERS);
    Map<Integer, Stream> streams = new LinkedHashMap<>();
    AVPacket packet = av_packet_alloc();
    AVSubtitle subtitle = new AVSubtitle();
    int[] got = new int[1];
    try {
      check(avformat_find_stream_info(input, (PointerPointer<?>) null), "reading stream info");
      for (int i = 0; i < input.nb_streams(); i++) {
        AVStream stream = input.streams(i);
        if (stream.codecpar().codec_type() == AVMEDIA_TYPE_SUBTITLE) {
          streams.put(i, Stream.open(stream));
        }
      }
      if (streams.isEmpty()) {
        return List.of();
      }
      // Cue times count from the video's first picture, as the renditions' timeline does.
      long videoStartMillis = 0;
      for (int i = 0; i < input.nb_streams(); i++) {
        AVStream stream = input.streams(i);
        if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
            && stream.start_time() != AV_NOPTS_VALUE) {
          videoStartMillis = Math.round(stream.start_time() * av_q2d(stream.time_base()) * 1000);
          break;
        }
      }
      for (Stream stream : streams.values()) {
        stream.offsetMillis = videoStartMillis;
      }
      while (av_read_frame(input, packet) >= 0) {
        Stream stream = streams.get(packet.stream_index());
        if (stream != null && stream.decoder != null && packet.pts() != AV_NOPTS_VALUE) {
          got[0] = 0;
          if (avcodec_decode_subtitle2(stream.decoder, subtitle, got, packet) >= 0 && got[0] != 0) {
            stream.add(subtitle, packet);
            avsubtitle_free(subtitle);
          }
        }
        av_packet_unref(packet);
      }
      List<EmbeddedSubtitles.Track> tracks = new ArrayList<>();
      for (Stream stream : streams.values()) {
        tracks.add(stream.track());
      }
      return tracks;
    } finally {
      for (Stream stream : streams.values()) {
        stream.close();
      }
      av_packet_free(packet);
      avformat_close_input(input);
    }
  }

  /** One subtitle stream being decoded. */
  private static final class Stream {
    final int index;
    final String codec;
    final String language;
    final double timeBase;
    final AVCodecContext decoder;
    final List<EmbeddedSubtitles.Cue> cues = new ArrayList<>();
    long offsetMillis;

    private Stream(int index, String codec, String language, double timeBase, AVCodecContext d) {
      this.index = index;
      this.codec = codec;
      this.language = language;
      this.timeBase = timeBase;
      this.decoder = d;
    }

    static Stream open(AVStream stream) {
      int id = stream.codecpar().codec_id();
      String codec = avcodec_get_name(id).getString();
      AVCodecDescriptor descriptor = avcodec_descriptor_get(id);
      boolean text =
          descriptor != null
              && !descriptor.isNull()
              && (descriptor.props() & AV_CODEC_PROP_TEXT_SUB) != 0;
      AVCodec found = avcodec_find_decoder(id);
      AVCodecContext decoder = null;
      if (text && found != null && !found.isNull()) {
        decoder = avcodec_alloc_context3(found);
        decoder.pkt_timebase(stream.time_base());
        if (avcodec_parameters_to_context(decoder, stream.codecpar()) < 0
            || avcodec_open2(decoder, found, (AVDictionary) null) < 0) {
          avcodec_free_context(decoder);
          decoder = null;
        }
      }
      return new Stream(
          stream.index(), codec, language(stream), av_q2d(stream.time_base()), decoder);
    }

    void add(AVSubtitle subtitle, AVPacket packet) {
      List<String> lines = new ArrayList<>();
      for (int r = 0; r < subtitle.num_rects(); r++) {
        AVSubtitleRect rect = subtitle.rects(r);
        String text =
            rect.ass() != null && !rect.ass().isNull()
                ? AssText.plain(rect.ass().getString(StandardCharsets.UTF_8))
                : rect.text() != null && !rect.text().isNull()
                    ? rect.text().getString(StandardCharsets.UTF_8)
                    : "";
        for (String line : text.split("\n")) {
          if (!line.isBlank()) {
            lines.add(line.strip());
          }
        }
      }
      if (lines.isEmpty()) {
        return;
      }
      long shown = Math.round(packet.pts() * timeBase * 1000) - offsetMillis;
      long start = Math.max(0, shown + subtitle.start_display_time());
      long end =
          packet.duration() > 0
              ? Math.round((packet.pts() + packet.duration()) * timeBase * 1000) - offsetMillis
              : shown + subtitle.end_display_time();
      if (end > start) {
        cues.add(new EmbeddedSubtitles.Cue(start, end, lines));
      }
    }

    EmbeddedSubtitles.Track track() {
      return new EmbeddedSubtitles.Track(index, codec, language, decoder != null, cues);
    }

    void close() {
      if (decoder != null) {
        avcodec_free_context(decoder);
      }
    }

    private static String language(AVStream stream) {
      AVDictionaryEntry entry = av_dict_get(stream.metadata(), "language", null, 0);
      return entry == null || entry.isNull() ? null : entry.value().getString();
    }
  }

  private static int check(int code, String what) {
    return FfmpegErrors.check(code, what);
  }
}
