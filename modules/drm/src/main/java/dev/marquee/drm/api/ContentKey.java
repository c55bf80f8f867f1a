package dev.marquee.drm.api;

import java.util.UUID;

/**
 * A title's content key for one track type, unwrapped. Only the packager and the licence server
 * hold these, and only in memory: {@link #toString()} never shows the key.
 */
public record ContentKey(UUID titleId, TrackType type, UUID keyId, byte[] key) {
  public ContentKey {
    if (key.length != 16) {
      throw new IllegalArgumentException("content keys are 128-bit AES keys");
    }
    key = key.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  /** The key id as 16 bytes, as it appears in tenc, pssh and senc boxes. */
  public byte[] keyIdBytes() {
    return KeyIds.bytes(keyId);
  }

  @Override
  public String toString() {
    return "ContentKey[" + titleId + " " + type + " kid=" + keyId + "]";
  }
}
