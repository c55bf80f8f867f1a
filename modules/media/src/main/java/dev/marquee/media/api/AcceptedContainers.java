package dev.marquee.media.api;

import java.util.Arrays;
import java.util.List;

/**
 * The container formats (FFmpeg demuxers) Marquee lets FFmpeg open for one kind of input. FFmpeg
 * can read some two hundred formats, and some of them open other files or URLs named inside the
 * file (HLS and DASH playlists, concat scripts, image sequences, QuickTime references): a master is
 * a creator's file, so anything outside this list is refused before FFmpeg parses it.
 */
public enum AcceptedContainers {
  /**
   * Masters: MP4 and QuickTime (ProRes, phone videos), Matroska and WebM (HEVC 10-bit MKV), MXF
   * (broadcast masters in DNxHD, MPEG-2 or ProRes).
   */
  MASTERS("MP4/QuickTime (.mp4, .mov), Matroska/WebM (.mkv, .webm), MXF", "mov", "matroska", "mxf"),

  /**
   * Audio tracks added to a title: any master container, and the audio-only formats studios deliver
   * (WAV/RF64/W64, AIFF, FLAC, MP3, AAC in ADTS, AC-3/E-AC-3, Ogg).
   */
  AUDIO_TRACKS(
      "the master containers, WAV/RF64/W64, AIFF, FLAC, MP3, AAC (ADTS), AC-3, E-AC-3, Ogg",
      "mov",
      "matroska",
      "mxf",
      "wav",
      "w64",
      "aiff",
      "flac",
      "mp3",
      "aac",
      "ac3",
      "eac3",
      "ogg");

  private final String description;
  private final List<String> demuxers;

  AcceptedContainers(String description, String... demuxers) {
    this.description = description;
    this.demuxers = List.of(demuxers);
  }

  /** FFmpeg's short names of the accepted demuxers, as {@code format_whitelist} takes them. */
  public List<String> demuxers() {
    return demuxers;
  }

  /** The accepted containers in words, for people reading a refusal. */
  public String description() {
    return description;
  }

  /**
   * Whether a demuxer name as FFmpeg reports it (a comma-separated list of aliases, e.g. {@code
   * mov,mp4,m4a,3gp,3g2,mj2}) is one of the accepted ones.
   */
  public boolean accepts(String demuxerName) {
    return demuxerName != null
        && Arrays.stream(demuxerName.split(",")).map(String::strip).anyMatch(demuxers::contains);
  }
}
