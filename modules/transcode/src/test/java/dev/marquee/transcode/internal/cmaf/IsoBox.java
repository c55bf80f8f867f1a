package dev.marquee.transcode.internal.cmaf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A box of an ISO-BMFF file as the tests read it: type, where it lies, its children. */
record IsoBox(String type, byte[] file, int start, int size, int headerSize) {
  /** Boxes that hold only boxes, and where the children of sample entries start. */
  private static final List<String> CONTAINERS =
      List.of(
          "moov", "trak", "mdia", "minf", "stbl", "mvex", "moof", "traf", "dinf", "sinf", "schi");

  private static final Map<String, Integer> CHILDREN_AT =
      Map.of("stsd", 8, "avc1", 78, "encv", 78, "mp4a", 28, "enca", 28);

  static List<IsoBox> parse(byte[] file) {
    return parse(file, 0, file.length);
  }

  static List<IsoBox> parse(byte[] file, int from, int to) {
    List<IsoBox> boxes = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(file);
    int at = from;
    while (at + 8 <= to) {
      long size = Integer.toUnsignedLong(b.getInt(at));
      String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
      int header = 8;
      if (size == 1) {
        size = b.getLong(at + 8);
        header = 16;
      } else if (size == 0) {
        size = to - at;
      }
      if (size < header || at + size > to) {
        throw new IllegalArgumentException("bad box " + type + " at " + at);
      }
      boxes.add(new IsoBox(type, file, at, (int) size, header));
      at += (int) size;
    }
    return boxes;
  }

  int end() {
    return start + size;
  }

  int payloadStart() {
    return start + headerSize;
  }

  byte[] payload() {
    return Arrays.copyOfRange(file, payloadStart(), end());
  }

  ByteBuffer buffer() {
    return ByteBuffer.wrap(payload());
  }

  List<IsoBox> children() {
    if (CONTAINERS.contains(type)) {
      return parse(file, payloadStart(), end());
    }
    Integer offset = CHILDREN_AT.get(type);
    return offset == null ? List.of() : parse(file, payloadStart() + offset, end());
  }

  /** The first box down a path of types, e.g. {@code find("trak", "mdia")}. */
  Optional<IsoBox> find(String... path) {
    return find(children(), path);
  }

  static Optional<IsoBox> find(List<IsoBox> boxes, String... path) {
    List<IsoBox> level = boxes;
    IsoBox found = null;
    for (String type : path) {
      found = level.stream().filter(b -> b.type().equals(type)).findFirst().orElse(null);
      if (found == null) {
        return Optional.empty();
      }
      level = found.children();
    }
    return Optional.ofNullable(found);
  }

  static List<IsoBox> all(List<IsoBox> boxes, String type) {
    return boxes.stream().filter(b -> b.type().equals(type)).toList();
  }
}
