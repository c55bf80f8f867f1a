package dev.marquee.transcode.internal.encode;

import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a track's AAC frames into segments that follow the video's chunk boundaries: a frame belongs
 * to the segment in which it starts, so audio segments differ from 2 s by less than one AAC frame
 * (21 ms) and their decode times stay continuous.
 */
public final class AudioSegmenter {
  private AudioSegmenter() {}

  /** One segment: its first frame's decode time and its frames. */
  public record AudioSegment(long baseDecodeTime, List<CmafSample> frames) {
    public int duration() {
      return frames.stream().mapToInt(CmafSample::duration).sum();
    }
  }

  /**
   * Splits the frames; frames that start at or after {@code totalSeconds} (the encoder's padding
   * past the end of the video) are left out, so audio has as many segments as video.
   */
  public static List<AudioSegment> split(
      List<CmafSample> frames, double segmentSeconds, int sampleRate, double totalSeconds) {
    double segmentTicks = segmentSeconds * sampleRate;
    double endTicks = totalSeconds * sampleRate;
    List<AudioSegment> segments = new ArrayList<>();
    List<CmafSample> current = new ArrayList<>();
    long time = 0;
    long currentStart = 0;
    int index = 0;
    for (CmafSample frame : frames) {
      if (time >= endTicks) {
        break;
      }
      int frameSegment = (int) Math.floor(time / segmentTicks);
      if (frameSegment > index && !current.isEmpty()) {
        segments.add(new AudioSegment(currentStart, List.copyOf(current)));
        current.clear();
        currentStart = time;
        index = frameSegment;
      }
      current.add(frame);
      time += frame.duration();
    }
    if (!current.isEmpty()) {
      segments.add(new AudioSegment(currentStart, List.copyOf(current)));
    }
    return segments;
  }
}
