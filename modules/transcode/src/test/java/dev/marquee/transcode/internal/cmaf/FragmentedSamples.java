package dev.marquee.transcode.internal.cmaf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sample bytes of a fragmented MP4 with one track (ours or shaka-packager's), read from each
 * moof's tfhd and trun: what a player hands to its decoder.
 */
final class FragmentedSamples {
  private FragmentedSamples() {}

  static List<byte[]> read(byte[] file) {
    List<byte[]> samples = new ArrayList<>();
    List<IsoBox> top = IsoBox.parse(file);
    long defaultSize = trexDefaultSize(top);
    for (IsoBox moof : IsoBox.all(top, "moof")) {
      for (IsoBox traf : IsoBox.all(moof.children(), "traf")) {
        ByteBuffer tfhd = traf.find("tfhd").orElseThrow().buffer();
        int tfhdFlags = tfhd.getInt(0) & 0xFFFFFF;
        int at = 8;
        long base = moof.start(); // default-base-is-moof, or the first traf of a moof
        if ((tfhdFlags & 0x1) != 0) {
          base = tfhd.getLong(at);
          at += 8;
        }
        if ((tfhdFlags & 0x2) != 0) {
          at += 4; // sample_description_index
        }
        if ((tfhdFlags & 0x8) != 0) {
          at += 4; // default_sample_duration
        }
        long trafDefaultSize = defaultSize;
        if ((tfhdFlags & 0x10) != 0) {
          trafDefaultSize = Integer.toUnsignedLong(tfhd.getInt(at));
        }
        for (IsoBox trunBox : IsoBox.all(traf.children(), "trun")) {
          ByteBuffer trun = trunBox.buffer();
          int flags = trun.getInt(0) & 0xFFFFFF;
          int count = trun.getInt(4);
          int p = 8;
          long offset = base;
          if ((flags & 0x1) != 0) {
            offset += trun.getInt(p);
            p += 4;
          }
          if ((flags & 0x4) != 0) {
            p += 4; // first_sample_flags
          }
          for (int i = 0; i < count; i++) {
            if ((flags & 0x100) != 0) {
              p += 4;
            }
            long size = trafDefaultSize;
            if ((flags & 0x200) != 0) {
              size = Integer.toUnsignedLong(trun.getInt(p));
              p += 4;
            }
            if ((flags & 0x400) != 0) {
              p += 4;
            }
            if ((flags & 0x800) != 0) {
              p += 4;
            }
            samples.add(Arrays.copyOfRange(file, (int) offset, (int) (offset + size)));
            offset += size;
          }
        }
      }
    }
    return samples;
  }

  private static long trexDefaultSize(List<IsoBox> top) {
    return IsoBox.find(top, "moov", "mvex", "trex")
        .map(trex -> Integer.toUnsignedLong(trex.buffer().getInt(16)))
        .orElse(0L);
  }
}
