package dev.marquee.transcode.internal.encode;

import dev.marquee.transcode.internal.cmaf.AvcConfiguration;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One rung's H.264 encoder for one chunk: takes the chunk's scaled 4:2:0 pictures in order and
 * gives one closed GOP that starts with an IDR picture. Samples are length-prefixed, in decode
 * order, with durations and composition offsets in frames.
 */
interface PictureEncoder extends AutoCloseable {
  /** Encodes picture {@code index} of the chunk (0 is the IDR picture). */
  void encode(AVFrame picture, int index);

  /** Flushes the encoder; every sample of the chunk. */
  List<CmafSample> finish();

  /** The sequence and picture parameter sets, after {@link #finish()}. */
  AvcConfiguration avc();

  @Override
  void close();
}
