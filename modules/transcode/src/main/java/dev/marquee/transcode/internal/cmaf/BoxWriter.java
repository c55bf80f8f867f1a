package dev.marquee.transcode.internal.cmaf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Writes ISO-BMFF boxes: {@link #open(String)} starts a box whose 32-bit size is filled in by
 * {@link #close()}, so nested boxes are written top-down in one pass.
 */
final class BoxWriter {
  private byte[] buffer = new byte[4096];
  private int length;
  private final ArrayDeque<Integer> starts = new ArrayDeque<>();

  private void write(int b) {
    ensure(1);
    buffer[length++] = (byte) b;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }

  BoxWriter open(String type) {
    starts.push(length);
    u32(0);
    fourCc(type);
    return this;
  }

  /** A full box: version and 24 bits of flags after the header. */
  BoxWriter openFull(String type, int version, int flags) {
    open(type);
    u8(version);
    u24(flags);
    return this;
  }

  BoxWriter close() {
    int start = starts.pop();
    int size = length - start;
    buffer[start] = (byte) (size >>> 24);
    buffer[start + 1] = (byte) (size >>> 16);
    buffer[start + 2] = (byte) (size >>> 8);
    buffer[start + 3] = (byte) size;
    return this;
  }

  BoxWriter u8(int v) {
    write(v & 0xFF);
    return this;
  }

  BoxWriter u16(int v) {
    write((v >>> 8) & 0xFF);
    write(v & 0xFF);
    return this;
  }

  BoxWriter u24(int v) {
    write((v >>> 16) & 0xFF);
    return u16(v);
  }

  BoxWriter u32(long v) {
    u16((int) ((v >>> 16) & 0xFFFF));
    return u16((int) (v & 0xFFFF));
  }

  BoxWriter u64(long v) {
    u32(v >>> 32);
    return u32(v & 0xFFFFFFFFL);
  }

  BoxWriter fourCc(String code) {
    byte[] bytes = code.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length != 4) {
      throw new IllegalArgumentException("four-character code expected: " + code);
    }
    return bytes(bytes);
  }

  BoxWriter bytes(byte[] data) {
    ensure(data.length);
    System.arraycopy(data, 0, buffer, length, data.length);
    length += data.length;
    return this;
  }

  BoxWriter zeros(int count) {
    ensure(count);
    length += count;
    return this;
  }

  /** Overwrites 32 bits already written (a trun data offset known only later). */
  BoxWriter patchU32(int position, long v) {
    buffer[position] = (byte) (v >>> 24);
    buffer[position + 1] = (byte) (v >>> 16);
    buffer[position + 2] = (byte) (v >>> 8);
    buffer[position + 3] = (byte) v;
    return this;
  }

  /** Unity transformation matrix (tkhd, mvhd). */
  BoxWriter unityMatrix() {
    long[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
    for (long value : matrix) {
      u32(value);
    }
    return this;
  }

  int size() {
    return length;
  }

  byte[] toByteArray() {
    if (!starts.isEmpty()) {
      throw new IllegalStateException("unclosed box");
    }
    return Arrays.copyOf(buffer, length);
  }
}
