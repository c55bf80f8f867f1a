package dev.marquee.transcode.internal.cmaf;

/** What an init segment describes: one video or audio track. */
public sealed interface TrackFormat {
  int timescale();

  /** RFC 6381 codecs string, e.g. {@code avc1.64001f} or {@code mp4a.40.2}. */
  String codecs();

  /** H.264 video with its decoder configuration record. */
  record Video(int width, int height, int timescale, AvcConfiguration avc) implements TrackFormat {
    @Override
    public String codecs() {
      return avc.codecs();
    }
  }

  /** AAC audio with its AudioSpecificConfig. */
  record Audio(int channels, int sampleRate, byte[] audioSpecificConfig, String language)
      implements TrackFormat {
    @Override
    public int timescale() {
      return sampleRate;
    }

    @Override
    public String codecs() {
      return "mp4a.40." + ((audioSpecificConfig[0] & 0xFF) >>> 3);
    }
  }
}
