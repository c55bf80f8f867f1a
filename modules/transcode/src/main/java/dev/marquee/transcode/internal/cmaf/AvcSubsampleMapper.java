package dev.marquee.transcode.internal.cmaf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an H.264 sample (NAL units with 4-byte lengths) into clear and protected ranges as ISO/IEC
 * 23001-7 9.5.2.2 and CMAF (ISO/IEC 23000-19) require for 'avc1': each NAL unit's length field and
 * header stay clear; in coded slices (NAL types 1 and 5) the slice header stays clear and the slice
 * data is protected; every other NAL unit (SEI, SPS, PPS, AUD, filler) stays clear.
 *
 * <p>As shaka-packager 3.4.2's SubsampleGenerator does: clear bytes run on across NAL units until
 * the next protected range, so a sample has one subsample per encrypted slice (plus a trailing
 * clear-only one if it ends with clear NAL units); a clear run longer than 65,535 bytes is split;
 * and for 'cenc' the protected range of a slice is cut to whole 16-byte blocks, the remainder
 * joining the clear bytes before it (so each subsample still starts at a NAL unit), because CMAF
 * requires BytesOfProtectedData to be a multiple of 16 for 'cenc'. For 'cbcs' the range starts at
 * the first byte of slice data and ends with the NAL unit; the pattern leaves a partial block
 * clear.
 */
final class AvcSubsampleMapper {
  private static final int LENGTH_SIZE = 4;
  private static final int BLOCK = 16;

  private final AvcParameterSets parameterSets;
  private final SliceHeaderParser sliceHeaders;
  private final boolean blockAligned;

  AvcSubsampleMapper(AvcConfiguration avc, boolean blockAligned) {
    this.parameterSets = AvcParameterSets.of(avc);
    this.sliceHeaders = new SliceHeaderParser(parameterSets);
    this.blockAligned = blockAligned;
  }

  List<Subsample> map(byte[] sample) {
    List<Subsample> subsamples = new ArrayList<>();
    long clear = 0;
    int at = 0;
    while (at < sample.length) {
      if (sample.length - at < LENGTH_SIZE + 1) {
        throw new IllegalArgumentException("truncated NAL unit at byte " + at);
      }
      long length =
          ((sample[at] & 0xFFL) << 24)
              | ((sample[at + 1] & 0xFF) << 16)
              | ((sample[at + 2] & 0xFF) << 8)
              | (sample[at + 3] & 0xFF);
      int nal = at + LENGTH_SIZE;
      if (length < 1 || length > sample.length - nal) {
        throw new IllegalArgumentException("bad NAL unit length " + length + " at byte " + at);
      }
      int end = nal + (int) length;
      int type = sample[nal] & 0x1F;
      if (type >= 2 && type <= 4) {
        // Data partitioning exists only in the Extended profile; libx264 never writes it.
        throw new IllegalArgumentException("H.264 data partitions are not supported");
      }
      int protectedBytes = 0;
      if (type == 1 || type == 5) {
        protectedBytes = end - nal - sliceHeaders.clearBytes(sample, nal, end);
        if (blockAligned) {
          protectedBytes -= protectedBytes % BLOCK;
        }
      } else {
        parameterSets.add(sample, nal, end); // in-band SPS/PPS apply to the slices after them
      }
      clear += end - at - protectedBytes;
      if (protectedBytes > 0) {
        addClear(subsamples, clear, protectedBytes);
        clear = 0;
      }
      at = end;
    }
    if (clear > 0) {
      addClear(subsamples, clear, 0);
    }
    return subsamples;
  }

  private static void addClear(List<Subsample> subsamples, long clear, int protectedBytes) {
    while (clear > Subsample.MAX_CLEAR) {
      subsamples.add(new Subsample(Subsample.MAX_CLEAR, 0));
      clear -= Subsample.MAX_CLEAR;
    }
    subsamples.add(new Subsample((int) clear, protectedBytes));
  }
}
