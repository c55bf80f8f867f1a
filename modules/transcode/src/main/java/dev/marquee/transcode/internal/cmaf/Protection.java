package dev.marquee.transcode.internal.cmaf;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How one rendition is encrypted with Common Encryption (ISO/IEC 23001-7): the scheme, the content
 * key and its 16-byte id, and a seed from which all initialization vectors are derived.
 *
 * <p><b>Initialization vectors are derived, not random</b>, so that a job re-run after a crash
 * writes byte-identical segments. They must still never repeat under one key, and one key is shared
 * by several renditions (all SD rungs share one; all audio languages share the audio key). So the
 * caller gives each rendition its own {@code ivSeed} (for example the rendition's id), and:
 *
 * <ul>
 *   <li>{@code cenc} (AES-CTR) uses an 8-byte IV per sample, the first 8 bytes of SHA-256 over
 *       {@code ivSeed || sequenceNumber (32-bit big-endian) || sampleIndex (32-bit big-endian)},
 *       the sample's index within its segment. The counter block is IV || 64-bit block counter from
 *       0, so two samples share key stream only if their 8-byte IVs collide: a chance of about
 *       n²/2⁶⁵ for n samples under one key (3·10⁻⁸ for a million).
 *   <li>{@code cbcs} (AES-CBC, 1:9 pattern for video) uses one 16-byte constant IV per rendition,
 *       carried in tenc as 'cbcs' tracks do, the first 16 bytes of SHA-256 over {@code keyId ||
 *       ivSeed}. In 'cbcs' every protected range starts its CBC chain at that IV.
 * </ul>
 *
 * The seed must therefore be unique per rendition among those sharing a key, and the sequence
 * numbers unique within a rendition (they are: one per media segment).
 */
public record Protection(Scheme scheme, byte[] keyId, byte[] key, byte[] ivSeed) {
  /** The two schemes CMAF allows. */
  public enum Scheme {
    /** AES-CTR, whole protected ranges, 8-byte per-sample IVs. */
    CENC("cenc"),
    /** AES-CBC with a constant IV; video with the 1:9 pattern, audio in whole blocks. */
    CBCS("cbcs");

    private final String fourCc;

    Scheme(String fourCc) {
      this.fourCc = fourCc;
    }

    /** The scheme_type of the schm box. */
    public String fourCc() {
      return fourCc;
    }
  }

  static final int CENC_IV_SIZE = 8;
  static final int CBCS_IV_SIZE = 16;

  public Protection {
    Objects.requireNonNull(scheme, "scheme");
    if (keyId == null || keyId.length != 16) {
      throw new IllegalArgumentException("key id must be 16 bytes");
    }
    if (key == null || key.length != 16) {
      throw new IllegalArgumentException("key must be 16 bytes (AES-128)");
    }
    if (ivSeed == null || ivSeed.length == 0) {
      throw new IllegalArgumentException("IV seed must not be empty");
    }
    keyId = keyId.clone();
    key = key.clone();
    ivSeed = ivSeed.clone();
  }

  @Override
  public byte[] keyId() {
    return keyId.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] ivSeed() {
    return ivSeed.clone();
  }

  /** The 8-byte IV of one sample under 'cenc'. */
  byte[] sampleIv(int sequenceNumber, int sampleIndex) {
    MessageDigest sha256 = sha256();
    sha256.update(ivSeed);
    sha256.update(ByteBuffer.allocate(8).putInt(sequenceNumber).putInt(sampleIndex).array());
    return Arrays.copyOf(sha256.digest(), CENC_IV_SIZE);
  }

  /** The 16-byte constant IV of this rendition under 'cbcs'. */
  byte[] constantIv() {
    MessageDigest sha256 = sha256();
    sha256.update(keyId);
    sha256.update(ivSeed);
    return Arrays.copyOf(sha256.digest(), CBCS_IV_SIZE);
  }

  /**
   * Encrypted 16-byte blocks in each repetition of the pattern: 1 (with 9 skipped) for 'cbcs' video
   * as CMAF requires, 0 for no pattern ('cenc', and 'cbcs' audio, which is encrypted in whole
   * blocks, tenc pattern 0:0, as shaka-packager writes it).
   */
  int cryptByteBlock(boolean video) {
    return scheme == Scheme.CBCS && video ? 1 : 0;
  }

  /** Skipped 16-byte blocks in each repetition of the pattern; see {@link #cryptByteBlock}. */
  int skipByteBlock(boolean video) {
    return scheme == Scheme.CBCS && video ? 9 : 0;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Protection p
        && scheme == p.scheme
        && Arrays.equals(keyId, p.keyId)
        && Arrays.equals(key, p.key)
        && Arrays.equals(ivSeed, p.ivSeed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, Arrays.hashCode(keyId), Arrays.hashCode(ivSeed));
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "Protection[" + scheme.fourCc() + ", kid " + HexFormat.of().formatHex(keyId) + "]";
  }
}
