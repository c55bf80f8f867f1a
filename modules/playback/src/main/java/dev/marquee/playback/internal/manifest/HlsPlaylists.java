package dev.marquee.playback.internal.manifest;

import dev.marquee.transcode.api.RenditionView;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * HLS (RFC 8216, version 7, fMP4) for one session: a multivariant playlist with BANDWIDTH,
 * AVERAGE-BANDWIDTH, CODECS, RESOLUTION, FRAME-RATE, an audio group with every language and a
 * subtitle group with every WebVTT file (one segment per file), and media playlists with EXT-X-MAP
 * and two EXT-X-KEY tags for the same key (SAMPLE-AES, cbcs): key format {@code identity}, whose
 * URI is Marquee's HLS key endpoint (shaka-player, native players), and key format {@code
 * org.w3.clearkey}, whose URI is a {@code data:} URI of the key id, for players that take keys from
 * a ClearKey licence server through EME (hls.js); ADR 29.
 */
public final class HlsPlaylists {
  private HlsPlaylists() {}

  /**
   * @param mediaUrl URL of a media playlist by rendition name (with a URL ticket if need be)
   */
  public static String multivariant(ManifestInput in, Function<String, String> mediaUrl) {
    StringBuilder m = new StringBuilder(2048);
    m.append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    // The default is the first main track (never audio description), in the title's order.
    RenditionView defaultAudio =
        in.audio().stream().filter(a -> !a.describesVideo()).findFirst().orElse(null);
    Set<String> names = new HashSet<>();
    for (RenditionView a : in.audio()) {
      String lang = a.language() == null ? "und" : a.language();
      // NAME is unique in its group: a second track in a language is told apart by its rendition.
      String name = a.describesVideo() ? lang + " (audio description)" : lang;
      if (!names.add(name)) {
        name = name + " (" + a.name() + ")";
        names.add(name);
      }
      m.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"")
          .append(lang)
          .append("\",NAME=\"")
          .append(name)
          .append("\",DEFAULT=")
          .append(a == defaultAudio ? "YES" : "NO")
          // Players pick a describes-video track for viewers who asked for audio description.
          .append(",AUTOSELECT=YES");
      if (a.describesVideo()) {
        m.append(",CHARACTERISTICS=\"public.accessibility.describes-video\"");
      }
      m.append(",URI=\"").append(mediaUrl.apply(a.name())).append("\"\n");
    }
    for (ManifestInput.Subtitle t : in.subtitles()) {
      m.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"")
          .append(t.language())
          .append("\",NAME=\"")
          .append(t.language())
          .append("\",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"")
          .append(mediaUrl.apply(t.name()))
          .append("\"\n");
    }
    String audioCodecs = in.audio().isEmpty() ? null : in.audio().get(0).codecs();
    long audioPeak = in.audio().stream().mapToLong(RenditionView::peakBandwidth).max().orElse(0);
    long audioAverage =
        in.audio().stream().mapToLong(RenditionView::averageBandwidth).max().orElse(0);
    for (RenditionView v : in.video()) {
      m.append("#EXT-X-STREAM-INF:BANDWIDTH=")
          .append(v.peakBandwidth() + audioPeak)
          .append(",AVERAGE-BANDWIDTH=")
          .append(v.averageBandwidth() + audioAverage)
          .append(",CODECS=\"")
          .append(v.codecs())
          .append(audioCodecs == null ? "" : "," + audioCodecs)
          .append("\",RESOLUTION=")
          .append(v.width())
          .append('x')
          .append(v.height())
          .append(",FRAME-RATE=")
          .append(String.format(Locale.ROOT, "%.3f", v.frameRate() == null ? 25.0 : v.frameRate()));
      if (audioCodecs != null) {
        m.append(",AUDIO=\"audio\"");
      }
      if (!in.subtitles().isEmpty()) {
        m.append(",SUBTITLES=\"subs\"");
      }
      m.append('\n').append(mediaUrl.apply(v.name())).append('\n');
    }
    RenditionView t = in.thumbnails();
    if (t != null) {
      // Trick-play thumbnails: an image media playlist (Apple's and Roku's image stream tags).
      m.append("#EXT-X-IMAGE-STREAM-INF:BANDWIDTH=")
          .append(Math.max(1, t.peakBandwidth()))
          .append(",RESOLUTION=")
          .append(t.width() / t.tiles().columns())
          .append('x')
          .append(t.height() / t.tiles().rows())
          .append(",CODECS=\"jpeg\",URI=\"")
          .append(mediaUrl.apply(t.name()))
          .append("\"\n");
    }
    return m.toString();
  }

  /** A subtitle media playlist: the whole WebVTT file as one segment as long as the title. */
  public static String subtitles(ManifestInput in, ManifestInput.Subtitle t) {
    double length = in.durationSeconds();
    return "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:"
        + (long) Math.ceil(length - 1e-9)
        + "\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:1\n"
        + String.format(Locale.ROOT, "#EXTINF:%.5f,%n", length)
        + t.url()
        + "\n#EXT-X-ENDLIST\n";
  }

  /**
   * The thumbnails' image media playlist: one sprite sheet per segment, each with its grid and the
   * time a tile stands for ({@code EXT-X-TILES}); the last sheet ends with the title.
   */
  public static String images(ManifestInput in, RenditionView t) {
    double length = in.durationSeconds();
    RenditionView.Tiles tiles = t.tiles();
    double tileSeconds = (double) tiles.duration() / t.timescale();
    StringBuilder m = new StringBuilder(512 + t.segments().size() * 200);
    double longest = 0;
    for (RenditionView.SegmentView s : t.segments()) {
      longest = Math.max(longest, (double) s.duration() / t.timescale());
    }
    m.append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:")
        .append((long) Math.ceil(longest - 1e-9))
        .append("\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:1\n#EXT-X-IMAGES-ONLY\n");
    for (RenditionView.SegmentView s : t.segments()) {
      double start = (double) s.startTime() / t.timescale();
      double seconds = (double) s.duration() / t.timescale();
      if (length > start) {
        seconds = Math.min(seconds, length - start);
      }
      m.append(String.format(Locale.ROOT, "#EXTINF:%.5f,%n", seconds))
          .append("#EXT-X-TILES:RESOLUTION=")
          .append(t.width() / tiles.columns())
          .append('x')
          .append(t.height() / tiles.rows())
          .append(",LAYOUT=")
          .append(tiles.layout())
          .append(String.format(Locale.ROOT, ",DURATION=%.3f%n", tileSeconds))
          .append(in.url(s.key()))
          .append('\n');
    }
    m.append("#EXT-X-ENDLIST\n");
    return m.toString();
  }

  /** One EXT-X-KEY tag per key format, all for the rendition's one key. */
  static String keys(ManifestInput in, RenditionView r, List<HlsKeyFormat> formats) {
    StringBuilder tags = new StringBuilder(256);
    for (HlsKeyFormat format : formats) {
      String uri =
          format == HlsKeyFormat.IDENTITY
              ? in.hlsKeyUrl().apply(r.keyId())
              : keyIdDataUri(r.keyId());
      tags.append("#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"")
          .append(uri)
          .append("\",KEYFORMAT=\"")
          .append(format.attribute())
          .append("\",KEYFORMATVERSIONS=\"1\"\n");
    }
    return tags.toString();
  }

  /** The key id's 16 bytes as a base64 {@code data:} URI (what EME players read a key id from). */
  static String keyIdDataUri(String keyId) {
    UUID id = UUID.fromString(keyId);
    ByteBuffer bytes =
        ByteBuffer.allocate(16)
            .putLong(id.getMostSignificantBits())
            .putLong(id.getLeastSignificantBits());
    return "data:text/plain;base64," + Base64.getEncoder().encodeToString(bytes.array());
  }

  public static String media(ManifestInput in, RenditionView r, List<HlsKeyFormat> formats) {
    List<RenditionView.SegmentView> segments = r.segments();
    double longest = 0;
    for (RenditionView.SegmentView s : segments) {
      longest = Math.max(longest, (double) s.duration() / r.timescale());
    }
    StringBuilder m = new StringBuilder(1024 + segments.size() * 200);
    m.append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:")
        .append((long) Math.ceil(longest - 1e-9))
        .append(
            "\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:1\n#EXT-X-INDEPENDENT-SEGMENTS\n")
        .append(keys(in, r, formats))
        .append("#EXT-X-MAP:URI=\"")
        .append(in.url(r.initKey()))
        .append("\"\n");
    for (RenditionView.SegmentView s : segments) {
      m.append(String.format(Locale.ROOT, "#EXTINF:%.5f,%n", (double) s.duration() / r.timescale()))
          .append(in.url(s.key()))
          .append('\n');
    }
    m.append("#EXT-X-ENDLIST\n");
    return m.toString();
  }
}
