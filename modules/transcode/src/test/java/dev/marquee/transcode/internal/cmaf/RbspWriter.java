package dev.marquee.transcode.internal.cmaf;

import java.io.ByteArrayOutputStream;

/**
 * Writes H.264 syntax for the tests, independently of the parser: fields as bits, then a NAL unit
 * with emulation-prevention bytes inserted as an encoder would (ISO/IEC 14496-10 7.4.1).
 */
final class RbspWriter {
  private final StringBuilder bits = new StringBuilder();

  RbspWriter u(int count, long value) {
    for (int i = count - 1; i >= 0; i--) {
      bits.append((value >>> i) & 1);
    }
    return this;
  }

  RbspWriter flag(boolean value) {
    return u(1, value ? 1 : 0);
  }

  RbspWriter ue(long value) {
    long code = value + 1;
    int length = 64 - Long.numberOfLeadingZeros(code);
    return u(length - 1, 0).u(length, code);
  }

  RbspWriter se(long value) {
    return ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  int bitCount() {
    return bits.length();
  }

  /** Ones up to the byte boundary, as cabac_alignment_one_bit. */
  RbspWriter alignWithOnes() {
    while (bits.length() % 8 != 0) {
      bits.append('1');
    }
    return this;
  }

  /** A NAL unit: header byte, then the bits (with a stop bit) escaped. */
  Nal toNal(int headerByte) {
    StringBuilder all = new StringBuilder(bits).append('1');
    while (all.length() % 8 != 0) {
      all.append('0');
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(headerByte);
    int[] rawIndexOfRbspByte = new int[all.length() / 8];
    int zeros = 0;
    for (int i = 0; i < rawIndexOfRbspByte.length; i++) {
      int b = Integer.parseInt(all.substring(i * 8, i * 8 + 8), 2);
      if (zeros >= 2 && b <= 3) {
        out.write(0x03);
        zeros = 0;
      }
      rawIndexOfRbspByte[i] = out.size();
      out.write(b);
      zeros = b == 0 ? zeros + 1 : 0;
    }
    return new Nal(out.toByteArray(), rawIndexOfRbspByte);
  }

  /** A written NAL unit, and where each byte of its payload ended up. */
  record Nal(byte[] bytes, int[] rawIndexOfRbspByte) {
    /** Bytes from the NAL header up to the byte that holds payload bit {@code bitCount - 1}. */
    int bytesThroughBit(int bitCount) {
      return rawIndexOfRbspByte[(bitCount - 1) / 8] + 1;
    }

    int emulationPreventionBytes() {
      return bytes.length - 1 - rawIndexOfRbspByte.length;
    }
  }
}
