package dev.marquee.transcode.internal.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How H.264 samples are split into clear and protected ranges. */
class AvcSubsampleMapperTest {
  private static final HexFormat HEX = HexFormat.of();

  /** libx264's veryfast 240p parameter sets and the start of one of its P slices. */
  private static final AvcConfiguration AVC =
      new AvcConfiguration(
          HEX.parseHex("67640015acd941b1fe4e1000000300100000030320f162d960"),
          HEX.parseHex("68efbcb0"));

  private static final byte[] P_SLICE_START = HEX.parseHex("419a231893fffe5af6");
  private static final int P_SLICE_HEADER = 6; // NAL header and slice header

  @Test
  void clearNalUnitsJoinTheClearBytesOfTheNextSlice() {
    byte[] sei = nal(6, 40);
    byte[] slice = slice(1000);
    byte[] sample = sample(sei, slice);

    assertThat(new AvcSubsampleMapper(AVC, false).map(sample))
        .containsExactly(new Subsample(4 + 40 + 4 + P_SLICE_HEADER, 1000 - P_SLICE_HEADER));
  }

  @Test
  void cencCutsEachProtectedRangeToWholeBlocksAndKeepsTheRestClearInFront() {
    byte[] slice = slice(1000); // 994 bytes of slice data: 62 blocks and 2 bytes
    assertThat(new AvcSubsampleMapper(AVC, true).map(sample(slice, slice)))
        .containsExactly(
            new Subsample(4 + P_SLICE_HEADER + 2, 992), new Subsample(4 + P_SLICE_HEADER + 2, 992));
  }

  @Test
  void clearNalUnitsAfterTheLastSliceMakeAClearOnlySubsample() {
    byte[] sample = sample(slice(100), nal(12, 30));
    assertThat(new AvcSubsampleMapper(AVC, false).map(sample))
        .containsExactly(
            new Subsample(4 + P_SLICE_HEADER, 100 - P_SLICE_HEADER), new Subsample(34, 0));
  }

  @Test
  void clearRunsLongerThanSixteenBitsAreSplit() {
    byte[] sample = sample(nal(6, 70_000), slice(100));
    assertThat(new AvcSubsampleMapper(AVC, false).map(sample))
        .containsExactly(
            new Subsample(65_535, 0),
            new Subsample(4 + 70_000 + 4 + P_SLICE_HEADER - 65_535, 100 - P_SLICE_HEADER));
  }

  @Test
  void sliceDataShorterThanABlockStaysClearInCenc() {
    byte[] sample = sample(slice(P_SLICE_HEADER + 15));
    assertThat(new AvcSubsampleMapper(AVC, true).map(sample))
        .containsExactly(new Subsample(sample.length, 0));
  }

  @Test
  void oneSubsamplePerSliceInMultiSliceSamples() {
    List<Subsample> map = new AvcSubsampleMapper(AVC, false).map(sample(slice(50), slice(60)));
    assertThat(map).extracting(Subsample::protectedBytes).containsExactly(44, 54);
  }

  @Test
  void malformedSamplesAreRefused() {
    AvcSubsampleMapper mapper = new AvcSubsampleMapper(AVC, false);
    byte[] tooLong = sample(slice(100));
    tooLong[3] = (byte) 200;
    assertThatThrownBy(() -> mapper.map(tooLong)).hasMessageContaining("bad NAL unit length");
    assertThatThrownBy(() -> mapper.map(sample(nal(2, 50))))
        .hasMessageContaining("data partitions");
  }

  private static byte[] slice(int length) {
    byte[] nal = Arrays.copyOf(P_SLICE_START, length);
    for (int i = P_SLICE_START.length; i < length; i++) {
      nal[i] = (byte) (i * 31 + 7);
    }
    return nal;
  }

  private static byte[] nal(int type, int length) {
    byte[] nal = new byte[length];
    Arrays.fill(nal, (byte) 0x55);
    nal[0] = (byte) type;
    return nal;
  }

  private static byte[] sample(byte[]... nals) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] nal : nals) {
      out.write(nal.length >>> 24);
      out.write(nal.length >>> 16);
      out.write(nal.length >>> 8);
      out.write(nal.length);
      out.writeBytes(nal);
    }
    return out.toByteArray();
  }
}
