package dev.marquee.transcode.internal.cmaf;

import dev.marquee.media.testing.SyntheticMaster;
import dev.marquee.transcode.internal.encode.AudioEncoder;
import dev.marquee.transcode.internal.encode.AudioSegmenter;
import dev.marquee.transcode.internal.encode.ChunkEncoder;
import dev.marquee.transcode.internal.encode.ChunkSpec;
import dev.marquee.transcode.internal.encode.EncodedAudio;
import dev.marquee.transcode.internal.encode.EncodedChunk;
import dev.marquee.transcode.internal.encode.Rung;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real encoder output for the tests, made once per test run: four seconds of a synthetic master
 * encoded as the pipeline does it (libx264 in two 2-second chunks; AAC-LC), cut into segments.
 */
final class EncodedTracks {
  static final int FPS = 25;
  static final int FRAME_TICKS = 1000;
  private static final int CHUNK_FRAMES = 2 * FPS;
  private static final int CHUNKS = 2;

  private static final Map<String, Track> VIDEO = new ConcurrentHashMap<>();
  private static Track audio;
  private static Path master;

  private EncodedTracks() {}

  /** One media segment's worth of samples. */
  record Segment(int sequenceNumber, long baseMediaDecodeTime, List<CmafSample> samples) {}

  /** A track format and its segments. */
  record Track(TrackFormat format, List<Segment> segments) {
    List<byte[]> samples() {
      return segments.stream().flatMap(s -> s.samples().stream()).map(CmafSample::data).toList();
    }

    /** Init segment and media segments joined: one file that players and shaka read. */
    byte[] clearFile() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(CmafWriter.initSegment(format, 1));
      for (Segment s : segments) {
        out.writeBytes(
            CmafWriter.mediaSegment(s.sequenceNumber(), 1, s.baseMediaDecodeTime(), s.samples()));
      }
      return out.toByteArray();
    }

    byte[] encryptedFile(Protection protection) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(CmafWriter.initSegment(format, 1, protection));
      for (Segment s : segments) {
        out.writeBytes(
            CmafWriter.mediaSegment(
                s.sequenceNumber(), 1, s.baseMediaDecodeTime(), s.samples(), format, protection));
      }
      return out.toByteArray();
    }
  }

  /**
   * 240p video with an x264 preset: "veryfast" is the pipeline's (CABAC, B-frames, weighted
   * prediction), "ultrafast" writes CAVLC without B-frames, "medium" uses several references.
   */
  static Track video(String preset) {
    return VIDEO.computeIfAbsent(preset, EncodedTracks::encodeVideo);
  }

  static synchronized Track audio() {
    if (audio == null) {
      EncodedAudio encoded = new AudioEncoder(128_000).encode(master().toString(), 1);
      List<Segment> segments = new ArrayList<>();
      List<AudioSegmenter.AudioSegment> cut =
          AudioSegmenter.split(encoded.frames(), 2.0, encoded.sampleRate(), CHUNKS * 2.0);
      for (int i = 0; i < cut.size(); i++) {
        segments.add(new Segment(i + 1, cut.get(i).baseDecodeTime(), cut.get(i).frames()));
      }
      audio =
          new Track(
              new TrackFormat.Audio(
                  encoded.channels(), encoded.sampleRate(), encoded.audioSpecificConfig(), "eng"),
              segments);
    }
    return audio;
  }

  private static Track encodeVideo(String preset) {
    ChunkEncoder encoder = new ChunkEncoder(preset);
    Rung rung = new Rung("240p", 240, 400_000);
    List<Segment> segments = new ArrayList<>();
    TrackFormat format = null;
    for (int index = 0; index < CHUNKS; index++) {
      EncodedChunk chunk =
          encoder.encode(
              master().toString(),
              new ChunkSpec(index, (long) index * CHUNK_FRAMES, CHUNK_FRAMES, FPS, 1),
              rung);
      if (format == null) {
        format =
            new TrackFormat.Video(chunk.width(), chunk.height(), FPS * FRAME_TICKS, chunk.avc());
      }
      List<CmafSample> samples =
          chunk.samples().stream()
              .map(
                  s ->
                      new CmafSample(
                          s.data(),
                          s.duration() * FRAME_TICKS,
                          s.compositionOffset() * FRAME_TICKS,
                          s.sync()))
              .toList();
      segments.add(new Segment(index + 1, (long) index * CHUNK_FRAMES * FRAME_TICKS, samples));
    }
    return new Track(format, segments);
  }

  private static synchronized Path master() {
    if (master == null) {
      try {
        Path folder = Files.createTempDirectory("marquee-cenc");
        folder.toFile().deleteOnExit();
        Path file = folder.resolve("master.mp4");
        new SyntheticMaster(640, 360, FPS, CHUNKS * 2.0, false, List.of("eng")).writeTo(file);
        file.toFile().deleteOnExit();
        master = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return master;
  }
}
