package dev.marquee.drm.api;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/** Key ids in the forms that media formats and the W3C ClearKey messages use. */
public final class KeyIds {
  private KeyIds() {}

  public static byte[] bytes(UUID kid) {
    return ByteBuffer.allocate(16)
        .putLong(kid.getMostSignificantBits())
        .putLong(kid.getLeastSignificantBits())
        .array();
  }

  public static UUID fromBytes(byte[] kid) {
    if (kid.length != 16) {
      throw new IllegalArgumentException("a key id has 16 bytes, not " + kid.length);
    }
    ByteBuffer b = ByteBuffer.wrap(kid);
    return new UUID(b.getLong(), b.getLong());
  }

  /** Base64url without padding, as in ClearKey requests and JWK sets. */
  public static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static UUID fromBase64Url(String kid) {
    return fromBytes(Base64.getUrlDecoder().decode(kid));
  }
}
