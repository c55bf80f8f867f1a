package dev.marquee.transcode.internal.cmaf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The per-sample entries of every senc box in a file, in sample order. */
final class SencEntries {
  private SencEntries() {}

  /** One sample's IV and subsample map (empty when senc does not use subsamples). */
  record Entry(byte[] iv, List<Subsample> subsamples) {}

  static List<Entry> read(byte[] file, int perSampleIvSize) {
    List<Entry> entries = new ArrayList<>();
    for (IsoBox moof : IsoBox.all(IsoBox.parse(file), "moof")) {
      for (IsoBox traf : IsoBox.all(moof.children(), "traf")) {
        ByteBuffer senc = traf.find("senc").orElseThrow().buffer();
        boolean subsamples = (senc.getInt(0) & 0x2) != 0;
        int count = senc.getInt(4);
        int at = 8;
        for (int i = 0; i < count; i++) {
          byte[] iv = Arrays.copyOfRange(senc.array(), at, at + perSampleIvSize);
          at += perSampleIvSize;
          List<Subsample> map = new ArrayList<>();
          if (subsamples) {
            int n = Short.toUnsignedInt(senc.getShort(at));
            at += 2;
            for (int j = 0; j < n; j++) {
              map.add(new Subsample(Short.toUnsignedInt(senc.getShort(at)), senc.getInt(at + 2)));
              at += 6;
            }
          }
          entries.add(new Entry(iv, map));
        }
      }
    }
    return entries;
  }
}
