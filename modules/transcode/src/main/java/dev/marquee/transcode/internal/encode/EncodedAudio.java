package dev.marquee.transcode.internal.encode;

import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.util.List;

/**
 * One audio track encoded once to AAC-LC at 48 kHz stereo: its AudioSpecificConfig and AAC frames
 * (the last may be shorter than 1,024 samples) in decode order.
 */
public record EncodedAudio(
    byte[] audioSpecificConfig, int sampleRate, int channels, List<CmafSample> frames) {
  public static final int FRAME_SAMPLES = 1024;
}
