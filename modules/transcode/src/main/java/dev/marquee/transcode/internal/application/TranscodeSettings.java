package dev.marquee.transcode.internal.application;

import dev.marquee.transcode.internal.cmaf.Protection;
import dev.marquee.transcode.internal.domain.Ladder;
import dev.marquee.transcode.internal.encode.Rung;
import dev.marquee.transcode.internal.encode.VideoEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's transcode settings, read once for every step of the job. */
@ApplicationScoped
public class TranscodeSettings {
  @Inject
  @ConfigProperty(
      name = "marquee.transcode.ladder",
      defaultValue =
          "240p:400000,360p:800000,480p:1400000,720p:3000000,1080p:6000000,1440p:10000000,2160p:15000000")
  String ladder;

  @Inject
  @ConfigProperty(name = "marquee.transcode.x264-preset", defaultValue = "veryfast")
  String preset;

  /** libx264 (in process through FFmpeg) or jcodec (pure Java, Baseline profile); ADR 11. */
  @Inject
  @ConfigProperty(name = "marquee.transcode.engine", defaultValue = "libx264")
  String engine;

  @Inject
  @ConfigProperty(name = "marquee.drm.schemes", defaultValue = "cenc,cbcs")
  String schemes;

  /** One trick-play thumbnail per this many milliseconds; 0 makes none. */
  @Inject
  @ConfigProperty(name = "marquee.transcode.thumbnail-interval-ms", defaultValue = "2000")
  int thumbnailIntervalMillis;

  /** The Common Encryption schemes every rendition is stored in (cenc for DASH, cbcs for HLS). */
  public List<Protection.Scheme> schemes() {
    List<Protection.Scheme> list =
        Arrays.stream(schemes.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> Protection.Scheme.valueOf(s.toUpperCase(Locale.ROOT)))
            .distinct()
            .toList();
    if (list.isEmpty()) {
      throw new IllegalStateException("marquee.drm.schemes must name cenc, cbcs or both");
    }
    return list;
  }

  /** The schemes as stored with renditions: {@code cenc,cbcs}. */
  public String schemeNames() {
    return String.join(",", schemes().stream().map(Protection.Scheme::fourCc).toList());
  }

  /** The rungs a master shown this size gets (see {@link Ladder#forMaster}). */
  public List<Rung> rungsFor(int masterWidth, int masterHeight) {
    return Ladder.forMaster(Ladder.parse(ladder), masterWidth, masterHeight);
  }

  /**
   * This server's name in chunk records ({@code MARQUEE_SERVER_ID}; by default host name and
   * process id), so operators see where each partition ran.
   */
  @Inject
  @ConfigProperty(name = "marquee.server.id")
  Optional<String> serverId;

  public String serverId() {
    return serverId.filter(s -> !s.isBlank()).orElseGet(TranscodeSettings::hostAndProcess);
  }

  private static String hostAndProcess() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "/" + ProcessHandle.current().pid();
  }

  public VideoEngine engine() {
    return VideoEngine.of(engine);
  }

  public String preset() {
    return preset;
  }

  public int thumbnailIntervalMillis() {
    return thumbnailIntervalMillis;
  }
}
