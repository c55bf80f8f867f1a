package dev.marquee.platform.internal.storage;

/**
 * Where the bytes of a GET answer sit in the object: its {@code Content-Range} header ("bytes
 * first-last/size") read, or the whole object of {@code length} bytes when there is none.
 */
record ContentRange(long first, long size) {
  static ContentRange of(String header, long length) {
    if (header == null || !header.startsWith("bytes ")) {
      return new ContentRange(0, length);
    }
    return new ContentRange(
        Long.parseLong(header.substring(6, header.indexOf('-'))),
        Long.parseLong(header.substring(header.indexOf('/') + 1)));
  }
}
