package dev.marquee.transcode.internal.batch;

import dev.marquee.transcode.internal.domain.Ladder;
import dev.marquee.transcode.internal.encode.Rung;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
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

  /** The rungs a master of this height gets: never upscaled, at least one. */
  public List<Rung> rungsFor(int masterHeight) {
    List<Rung> rungs = Ladder.parse(ladder);
    if (masterHeight < rungs.get(0).height()) {
      int even = masterHeight - (masterHeight & 1);
      return List.of(new Rung(even + "p", even, rungs.get(0).bitrate()));
    }
    return Ladder.forMaster(rungs, masterHeight);
  }

  public String preset() {
    return preset;
  }
}
