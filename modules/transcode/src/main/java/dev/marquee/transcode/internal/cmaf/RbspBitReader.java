package dev.marquee.transcode.internal.cmaf;

/**
 * Reads the bits of an H.264 NAL unit's payload (ISO/IEC 14496-10 7.2): fixed-width fields and
 * exp-Golomb codes, skipping emulation-prevention bytes (the 0x03 in 0x000003) while counting them,
 * so that {@link #rawBytesConsumed()} says how many bytes of the NAL unit as stored hold what was
 * read. Bytes are loaded only when a bit of them is needed, as shaka-packager's H26xBitReader does:
 * an emulation-prevention byte right after the last byte read is not counted.
 */
final class RbspBitReader {
  private final byte[] data;
  private final int rawStart;
  private final int end;
  private int next;
  private int current;
  private int bitsLeftInCurrent;
  private int zerosBefore;

  /** Reads {@code data[from, to)}: a NAL unit's payload, after its header byte. */
  RbspBitReader(byte[] data, int from, int to) {
    this.data = data;
    this.next = from;
    this.end = to;
    this.rawStart = from;
  }

  private void loadByte() {
    if (next < end && zerosBefore >= 2 && data[next] == 0x03) {
      next++; // emulation prevention
      zerosBefore = 0;
    }
    if (next >= end) {
      throw new IllegalArgumentException("NAL unit ends inside its header");
    }
    current = data[next++] & 0xFF;
    zerosBefore = current == 0 ? zerosBefore + 1 : 0;
    bitsLeftInCurrent = 8;
  }

  boolean flag() {
    return bits(1) == 1;
  }

  /** u(n), 0 to 32 bits. */
  long bits(int count) {
    long value = 0;
    for (int i = 0; i < count; i++) {
      if (bitsLeftInCurrent == 0) {
        loadByte();
      }
      bitsLeftInCurrent--;
      value = (value << 1) | ((current >>> bitsLeftInCurrent) & 1);
    }
    return value;
  }

  /** ue(v): unsigned exp-Golomb. */
  long ue() {
    int leadingZeros = 0;
    while (bits(1) == 0) {
      leadingZeros++;
      if (leadingZeros > 32) {
        throw new IllegalArgumentException("exp-Golomb code longer than 32 bits");
      }
    }
    return (1L << leadingZeros) - 1 + bits(leadingZeros);
  }

  /** se(v): signed exp-Golomb. */
  long se() {
    long code = ue();
    return (code & 1) == 1 ? (code + 1) / 2 : -(code / 2);
  }

  int ueInt(long max) {
    long value = ue();
    if (value > max) {
      throw new IllegalArgumentException("value " + value + " out of range 0.." + max);
    }
    return (int) value;
  }

  /** Bytes of the stored NAL unit (emulation prevention included) that the bits read came from. */
  int rawBytesConsumed() {
    return next - rawStart;
  }
}
