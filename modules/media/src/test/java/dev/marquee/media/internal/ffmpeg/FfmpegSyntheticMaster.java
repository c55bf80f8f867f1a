package dev.marquee.media.internal.ffmpeg;

import static dev.marquee.media.internal.ffmpeg.FfmpegErrors.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_close;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import dev.marquee.media.api.EmbeddedSubtitles;
import dev.marquee.media.testing.SyntheticMaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;

/** Encodes generated frames (libx264) and tones (AAC, one track per language) into an MP4. */
public final class FfmpegSyntheticMaster {
  private static final int SAMPLE_RATE = 48_000;

  static {
    // libx264 and the AAC encoder report statistics at INFO; only errors belong in our logs.
    av_log_set_level(AV_LOG_ERROR);
  }

  private FfmpegSyntheticMaster() {}

  public static void write(SyntheticMaster spec, Path file) throws IOException {
    try {
      new Writer(spec, file).run();
    } catch (IllegalStateException e) {
      throw new IOException("Cannot write synthetic master " + file + ": " + e.getMessage(), e);
    }
  }

  private static AVRational rational(int num, int den) {
    return new AVRational().num(num).den(den);
  }

  /** One encoder and its output stream. */
  private record Track(AVCodecContext encoder, AVStream stream) {}

  private static final class Writer {
    private final SyntheticMaster spec;
    private final Path file;
    private final AVFormatContext output = new AVFormatContext(null);
    private final AVPacket packet = av_packet_alloc();
    private final PictureGenerator pictures;
    private Track video;
    private final List<Track> audio = new ArrayList<>();
    private final List<AVStream> subtitles = new ArrayList<>();
    private final int[] cuesWritten;

    Writer(SyntheticMaster spec, Path file) {
      this.spec = spec;
      this.file = file;
      this.pictures = new PictureGenerator(spec.width(), spec.height(), spec.noise());
      this.cuesWritten = new int[spec.subtitles().size()];
    }

    void run() {
      boolean matroska = file.getFileName().toString().endsWith(".mkv");
      for (SyntheticMaster.Subtitles track : spec.subtitles()) {
        if (matroska == track.format().equals("mov_text")) {
          throw new IllegalStateException(
              "MP4 masters carry mov_text subtitles, Matroska ones subrip, ass or webvtt: not "
                  + track.format()
                  + " in "
                  + file.getFileName());
        }
      }
      // MPEG-TS only for tests of what Marquee refuses; masters are MP4 or Matroska.
      boolean transportStream = file.getFileName().toString().endsWith(".ts");
      check(
          avformat_alloc_output_context2(
              output,
              null,
              matroska ? "matroska" : transportStream ? "mpegts" : "mp4",
              file.toString()),
          "allocating the muxer");
      try {
        video = openVideo();
        for (int i = 0; i < spec.audioLanguages().size(); i++) {
          audio.add(openAudio(spec.audioLanguages().get(i)));
        }
        for (SyntheticMaster.Subtitles track : spec.subtitles()) {
          subtitles.add(openSubtitles(track));
        }
        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "opening " + file);
        output.pb(io);
        check(avformat_write_header(output, (PointerPointer<?>) null), "writing the header");
        encodeAll();
        check(av_write_trailer(output), "writing the trailer");
        avio_close(output.pb());
      } finally {
        if (video != null) {
          avcodec_free_context(video.encoder());
        }
        for (Track track : audio) {
          avcodec_free_context(track.encoder());
        }
        av_packet_free(packet);
        avformat_free_context(output);
      }
    }

    private Track openVideo() {
      AVCodec codec = avcodec_find_encoder_by_name(spec.videoEncoder());
      if (codec == null || codec.isNull()) {
        throw new IllegalStateException(spec.videoEncoder() + " is missing from this FFmpeg build");
      }
      boolean jpeg = spec.videoEncoder().equals("mjpeg");
      AVStream stream = avformat_new_stream(output, null);
      AVCodecContext encoder = avcodec_alloc_context3(codec);
      encoder.width(spec.width());
      encoder.height(spec.height());
      // Motion JPEG wants full-range pictures; the layout in memory is the same.
      encoder.pix_fmt(jpeg ? AV_PIX_FMT_YUVJ420P : AV_PIX_FMT_YUV420P);
      encoder.time_base(rational(1, spec.framesPerSecond()));
      encoder.framerate(rational(spec.framesPerSecond(), 1));
      encoder.gop_size(spec.framesPerSecond() * 2);
      globalHeaderIfNeeded(encoder);
      AVDictionary options = new AVDictionary(null);
      if (!jpeg) {
        av_dict_set(options, "preset", "veryfast", 0);
        av_dict_set(options, "crf", "20", 0);
      }
      try {
        check(avcodec_open2(encoder, codec, options), "opening libx264");
      } finally {
        av_dict_free(options);
      }
      check(
          avcodec_parameters_from_context(stream.codecpar(), encoder), "copying video parameters");
      stream.time_base(encoder.time_base());
      stream.avg_frame_rate(rational(spec.framesPerSecond(), 1));
      if (spec.rotationDegrees() != 0) {
        displayRotation(stream, spec.rotationDegrees());
      }
      return new Track(encoder, stream);
    }

    /** A display matrix (the container's tkhd matrix): players turn the pictures clockwise. */
    private void displayRotation(AVStream stream, int clockwiseDegrees) {
      BytePointer matrix = new BytePointer(av_malloc(36)).capacity(36);
      // Setting takes a clockwise angle (reading gives it back counter-clockwise, as -90 for a
      // phone's portrait video, which players turn 90 degrees clockwise).
      av_display_rotation_set(new IntPointer(matrix), clockwiseDegrees);
      AVPacketSideData side =
          new AVPacketSideData(av_mallocz(Loader.sizeof(AVPacketSideData.class)));
      side.data(matrix).size(36).type(AV_PKT_DATA_DISPLAYMATRIX);
      stream.codecpar().coded_side_data(side).nb_coded_side_data(1);
    }

    private AVStream openSubtitles(SyntheticMaster.Subtitles track) {
      AVStream stream = avformat_new_stream(output, null);
      stream
          .codecpar()
          .codec_type(AVMEDIA_TYPE_SUBTITLE)
          .codec_id(SubtitlePackets.codecId(track.format()));
      byte[] header = SubtitlePackets.header(track.format());
      if (header.length > 0) {
        BytePointer extradata =
            new BytePointer(av_mallocz(header.length + AV_INPUT_BUFFER_PADDING_SIZE));
        extradata.capacity(header.length).put(header);
        stream.codecpar().extradata(extradata).extradata_size(header.length);
      }
      stream.time_base(rational(1, 1000));
      if (track.language() != null) {
        AVDictionary metadata = new AVDictionary(null);
        av_dict_set(metadata, "language", track.language(), 0);
        stream.metadata(metadata);
      }
      return stream;
    }

    /** Writes the cues that start before {@code millis}, as packets of their track's format. */
    private void writeCuesUpTo(long millis) {
      for (int t = 0; t < subtitles.size(); t++) {
        SyntheticMaster.Subtitles track = spec.subtitles().get(t);
        List<EmbeddedSubtitles.Cue> cues = track.cues();
        AVStream stream = subtitles.get(t);
        while (cuesWritten[t] < cues.size() && cues.get(cuesWritten[t]).startMillis() < millis) {
          int index = cuesWritten[t]++;
          EmbeddedSubtitles.Cue cue = cues.get(index);
          byte[] payload = SubtitlePackets.payload(track.format(), index, cue.lines());
          check(av_new_packet(packet, payload.length), "allocating a subtitle packet");
          new BytePointer(packet.data()).capacity(payload.length).put(payload);
          packet.pts(cue.startMillis()).dts(cue.startMillis());
          packet.duration(cue.endMillis() - cue.startMillis());
          packet.flags(AV_PKT_FLAG_KEY);
          av_packet_rescale_ts(packet, rational(1, 1000), stream.time_base());
          packet.stream_index(stream.index());
          check(av_interleaved_write_frame(output, packet), "writing a subtitle packet");
        }
      }
    }

    private Track openAudio(String language) {
      AVCodec codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
      AVStream stream = avformat_new_stream(output, null);
      AVCodecContext encoder = avcodec_alloc_context3(codec);
      encoder.sample_fmt(AV_SAMPLE_FMT_FLTP);
      encoder.sample_rate(SAMPLE_RATE);
      av_channel_layout_default(encoder.ch_layout(), 2);
      encoder.bit_rate(128_000);
      encoder.time_base(rational(1, SAMPLE_RATE));
      globalHeaderIfNeeded(encoder);
      check(avcodec_open2(encoder, codec, (AVDictionary) null), "opening the AAC encoder");
      check(
          avcodec_parameters_from_context(stream.codecpar(), encoder), "copying audio parameters");
      stream.time_base(encoder.time_base());
      AVDictionary metadata = new AVDictionary(null);
      av_dict_set(metadata, "language", language, 0);
      stream.metadata(metadata);
      return new Track(encoder, stream);
    }

    private void globalHeaderIfNeeded(AVCodecContext encoder) {
      if ((output.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
        encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
      }
    }

    private void encodeAll() {
      long frames = Math.round(spec.seconds() * spec.framesPerSecond());
      AVFrame picture = av_frame_alloc();
      picture.format(video.encoder().pix_fmt());
      picture.width(spec.width());
      picture.height(spec.height());
      check(av_frame_get_buffer(picture, 0), "allocating a picture");
      List<AVFrame> sounds = new ArrayList<>();
      for (Track track : audio) {
        AVFrame sound = av_frame_alloc();
        sound.format(AV_SAMPLE_FMT_FLTP);
        sound.sample_rate(SAMPLE_RATE);
        sound.nb_samples(track.encoder().frame_size());
        av_channel_layout_default(sound.ch_layout(), 2);
        check(av_frame_get_buffer(sound, 0), "allocating audio samples");
        sounds.add(sound);
      }
      long totalSamples = Math.round(spec.seconds() * SAMPLE_RATE);
      long samplesWritten = 0;
      try {
        for (long index = 0; index < frames; index++) {
          check(av_frame_make_writable(picture), "making a picture writable");
          pictures.fill(picture, index);
          picture.pts(index);
          send(video, picture);
          writeCuesUpTo((index + 1) * 1000 / spec.framesPerSecond());
          // Keep audio up to the video's clock so the muxer interleaves closely.
          long until = Math.min(totalSamples, (index + 1) * SAMPLE_RATE / spec.framesPerSecond());
          while (!audio.isEmpty() && samplesWritten < until) {
            int chunk =
                (int) Math.min(audio.get(0).encoder().frame_size(), totalSamples - samplesWritten);
            for (int t = 0; t < audio.size(); t++) {
              AVFrame sound = sounds.get(t);
              check(av_frame_make_writable(sound), "making samples writable");
              sound.nb_samples(chunk);
              fillTone(sound, samplesWritten, chunk, 330.0 * (t + 1));
              sound.pts(samplesWritten);
              send(audio.get(t), sound);
            }
            samplesWritten += chunk;
          }
        }
        writeCuesUpTo(Long.MAX_VALUE);
        send(video, null);
        for (Track track : audio) {
          send(track, null);
        }
      } finally {
        av_frame_free(picture);
        for (AVFrame sound : sounds) {
          av_frame_free(sound);
        }
      }
    }

    /** Sends a frame (null flushes) and writes every packet the encoder has ready. */
    private void send(Track track, AVFrame frame) {
      check(avcodec_send_frame(track.encoder(), frame), "encoding");
      while (true) {
        int received = avcodec_receive_packet(track.encoder(), packet);
        if (received == AVERROR_EAGAIN() || received == AVERROR_EOF) {
          return;
        }
        check(received, "receiving a packet");
        av_packet_rescale_ts(packet, track.encoder().time_base(), track.stream().time_base());
        packet.stream_index(track.stream().index());
        check(av_interleaved_write_frame(output, packet), "writing a packet");
      }
    }

    private static void fillTone(AVFrame sound, long firstSample, int count, double frequency) {
      float[] samples = new float[count];
      for (int i = 0; i < count; i++) {
        samples[i] =
            (float) (0.2 * Math.sin(2 * Math.PI * frequency * (firstSample + i) / SAMPLE_RATE));
      }
      for (int channel = 0; channel < 2; channel++) {
        new FloatPointer(sound.data(channel)).put(samples, 0, count);
      }
    }
  }

  /** Moving gradients and a bouncing square; optional per-frame noise. */
  private static final class PictureGenerator {
    private final int width;
    private final int height;
    private final boolean noise;
    private final byte[] row;
    private long seed = 0x9E3779B97F4A7C15L;

    PictureGenerator(int width, int height, boolean noise) {
      this.width = width;
      this.height = height;
      this.noise = noise;
      this.row = new byte[width];
    }

    void fill(AVFrame picture, long index) {
      int boxSize = Math.max(8, height / 4);
      int boxX = (int) ((index * 7) % Math.max(1, width - boxSize));
      int boxY = (int) ((index * 3) % Math.max(1, height - boxSize));
      BytePointer luma = picture.data(0);
      int stride = picture.linesize(0);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int value = (int) ((x + y + index * 4) & 0xFF);
          if (x >= boxX && x < boxX + boxSize && y >= boxY && y < boxY + boxSize) {
            value = 235;
          }
          if (noise) {
            value = Math.max(16, Math.min(235, value + (nextRandom() % 48) - 24));
          }
          row[x] = (byte) value;
        }
        luma.position((long) y * stride).put(row, 0, width);
      }
      for (int plane = 1; plane <= 2; plane++) {
        BytePointer chroma = picture.data(plane);
        int chromaStride = picture.linesize(plane);
        for (int y = 0; y < height / 2; y++) {
          for (int x = 0; x < width / 2; x++) {
            row[x] =
                (byte) (128 + (int) (48 * Math.sin((x + index * (plane == 1 ? 2 : -3)) / 16.0)));
          }
          chroma.position((long) y * chromaStride).put(row, 0, width / 2);
        }
      }
    }

    private int nextRandom() {
      seed ^= seed << 13;
      seed ^= seed >>> 7;
      seed ^= seed << 17;
      return (int) (seed & 0x7FFFFFFF);
    }
  }
}
