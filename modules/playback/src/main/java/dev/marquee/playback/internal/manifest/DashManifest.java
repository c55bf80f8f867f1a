package dev.marquee.playback.internal.manifest;

import dev.marquee.transcode.api.RenditionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A static DASH MPD (ISO/IEC 23009-1, live profile) for one session: one video AdaptationSet per
 * content key (DASH-IF: representations that switch seamlessly share a key), one per audio
 * language, one per subtitle language (a side-loaded WebVTT file); SegmentTemplate with a
 * SegmentTimeline of the exact durations; ContentProtection with {@code cenc:default_KID} and the
 * ClearKey system's DASH-IF {@code Laurl}.
 */
public final class DashManifest {
  static final String CLEARKEY_SYSTEM = "urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e";

  private DashManifest() {}

  public static String render(ManifestInput in) {
    StringBuilder x = new StringBuilder(4096);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" xmlns:cenc=\"urn:mpeg:cenc:2013\"")
        .append(" xmlns:dashif=\"https://dashif.org/CPS\"")
        .append(" profiles=\"urn:mpeg:dash:profile:isoff-live:2011\" type=\"static\"")
        .append(" minBufferTime=\"PT2S\" mediaPresentationDuration=\"")
        .append(duration(in.durationSeconds()))
        .append("\">\n  <Period id=\"1\" start=\"PT0S\">\n");
    Map<String, List<RenditionView>> byKey = new LinkedHashMap<>();
    for (RenditionView v : in.video()) {
      byKey.computeIfAbsent(v.keyId(), k -> new ArrayList<>()).add(v);
    }
    int set = 1;
    for (Map.Entry<String, List<RenditionView>> group : byKey.entrySet()) {
      x.append("    <AdaptationSet id=\"")
          .append(set++)
          .append("\" contentType=\"video\" mimeType=\"video/mp4\" segmentAlignment=\"true\"")
          .append(" startWithSAP=\"1\">\n");
      protection(x, group.getKey(), in.licenceUrl());
      for (RenditionView v : group.getValue()) {
        x.append("      <Representation id=\"")
            .append(attr(v.name()))
            .append("\" bandwidth=\"")
            .append(v.peakBandwidth())
            .append("\" width=\"")
            .append(v.width())
            .append("\" height=\"")
            .append(v.height())
            .append("\" codecs=\"")
            .append(attr(v.codecs()))
            .append("\" frameRate=\"")
            .append(frameRate(v.frameRate()))
            .append("\">\n");
        template(x, v, in);
        x.append("      </Representation>\n");
      }
      x.append("    </AdaptationSet>\n");
    }
    for (RenditionView a : in.audio()) {
      x.append("    <AdaptationSet id=\"")
          .append(set++)
          .append("\" contentType=\"audio\" mimeType=\"audio/mp4\" lang=\"")
          .append(attr(a.language() == null ? "und" : a.language()))
          .append("\" segmentAlignment=\"true\" startWithSAP=\"1\">\n");
      // ContentProtection first: the schema puts descriptors of the base type before Role.
      protection(x, a.keyId(), in.licenceUrl());
      if (a.describesVideo()) {
        // Audio description: DASH role, and the DVB/TV-Anytime accessibility code for it.
        x.append("      <Accessibility schemeIdUri=\"urn:tva:metadata:cs:AudioPurposeCS:2007\"")
            .append(" value=\"1\"/>\n")
            .append(
                "      <Role schemeIdUri=\"urn:mpeg:dash:role:2011\" value=\"description\"/>\n");
      } else {
        x.append("      <Role schemeIdUri=\"urn:mpeg:dash:role:2011\" value=\"main\"/>\n");
      }
      x.append("      <Representation id=\"")
          .append(attr(a.name()))
          .append("\" bandwidth=\"")
          .append(a.peakBandwidth())
          .append("\" codecs=\"")
          .append(attr(a.codecs()))
          .append("\" audioSamplingRate=\"")
          .append(a.timescale())
          .append("\">\n");
      template(x, a, in);
      x.append("      </Representation>\n    </AdaptationSet>\n");
    }
    for (ManifestInput.Subtitle t : in.subtitles()) {
      // Side-loaded WebVTT: one file for the whole period (segments would add nothing for text).
      x.append("    <AdaptationSet id=\"")
          .append(set++)
          .append("\" contentType=\"text\" mimeType=\"text/vtt\" lang=\"")
          .append(attr(t.language()))
          .append("\">\n      <Role schemeIdUri=\"urn:mpeg:dash:role:2011\" value=\"subtitle\"/>\n")
          .append("      <Representation id=\"")
          .append(attr(t.name()))
          .append("\" bandwidth=\"256\">\n        <BaseURL>")
          .append(text(t.url()))
          .append("</BaseURL>\n      </Representation>\n    </AdaptationSet>\n");
    }
    if (in.thumbnails() != null) {
      thumbnails(x, set, in.thumbnails(), in);
    }
    x.append("  </Period>\n</MPD>\n");
    return x.toString();
  }

  /**
   * Trick-play thumbnails (DASH-IF IOP 6.2.6): an image AdaptationSet whose segments are sprite
   * sheets, the grid in the {@code thumbnail_tile} property. Every sheet's duration is the full
   * grid's, the last one included, so that a player finds a tile's place from the time.
   */
  private static void thumbnails(StringBuilder x, int set, RenditionView t, ManifestInput in) {
    String media =
        in.url(t.segments().get(0).key()).replaceFirst("sheet-1\\.jpg", "sheet-\\$Number\\$.jpg");
    RenditionView.Tiles tiles = t.tiles();
    x.append("    <AdaptationSet id=\"")
        .append(set)
        .append("\" contentType=\"image\" mimeType=\"image/jpeg\">\n")
        .append("      <Representation id=\"")
        .append(attr(t.name()))
        .append("\" bandwidth=\"")
        .append(Math.max(1, t.peakBandwidth()))
        .append("\" width=\"")
        .append(t.width())
        .append("\" height=\"")
        .append(t.height())
        .append("\">\n        <EssentialProperty schemeIdUri=\"http://dashif.org/thumbnail_tile\"")
        .append(" value=\"")
        .append(tiles.layout())
        .append("\"/>\n        <SegmentTemplate timescale=\"")
        .append(t.timescale())
        .append("\" startNumber=\"1\" duration=\"")
        .append((long) tiles.columns() * tiles.rows() * tiles.duration())
        .append("\" media=\"")
        .append(attr(media))
        .append("\"/>\n      </Representation>\n    </AdaptationSet>\n");
  }

  private static void protection(StringBuilder x, String keyId, String licenceUrl) {
    x.append("      <ContentProtection schemeIdUri=\"urn:mpeg:dash:mp4protection:2011\"")
        .append(" value=\"cenc\" cenc:default_KID=\"")
        .append(attr(keyId))
        .append("\"/>\n")
        .append("      <ContentProtection schemeIdUri=\"")
        .append(CLEARKEY_SYSTEM)
        .append("\" value=\"ClearKey1.0\">\n        <dashif:Laurl>")
        .append(text(licenceUrl))
        .append("</dashif:Laurl>\n      </ContentProtection>\n");
  }

  private static void template(StringBuilder x, RenditionView r, ManifestInput in) {
    String media =
        in.url(r.segments().get(0).key()).replaceFirst("seg-1\\.m4s", "seg-\\$Number\\$.m4s");
    x.append("        <SegmentTemplate timescale=\"")
        .append(r.timescale())
        .append("\" startNumber=\"1\" initialization=\"")
        .append(attr(in.url(r.initKey())))
        .append("\" media=\"")
        .append(attr(media))
        .append("\">\n          <SegmentTimeline>\n");
    List<RenditionView.SegmentView> segments = r.segments();
    int i = 0;
    while (i < segments.size()) {
      RenditionView.SegmentView s = segments.get(i);
      int repeat = 0;
      while (i + repeat + 1 < segments.size()
          && segments.get(i + repeat + 1).duration() == s.duration()) {
        repeat++;
      }
      x.append("            <S t=\"").append(s.startTime()).append("\" d=\"").append(s.duration());
      if (repeat > 0) {
        x.append("\" r=\"").append(repeat);
      }
      x.append("\"/>\n");
      i += repeat + 1;
    }
    x.append("          </SegmentTimeline>\n        </SegmentTemplate>\n");
  }

  static String duration(double seconds) {
    return String.format(Locale.ROOT, "PT%.3fS", seconds);
  }

  static String frameRate(Double fps) {
    if (fps == null) {
      return "25";
    }
    double rounded = Math.rint(fps);
    if (Math.abs(fps - rounded) < 0.001) {
      return Long.toString((long) rounded);
    }
    return Math.round(rounded * 1000) + "/1001";
  }

  static String attr(String s) {
    return text(s).replace("\"", "&quot;");
  }

  static String text(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
