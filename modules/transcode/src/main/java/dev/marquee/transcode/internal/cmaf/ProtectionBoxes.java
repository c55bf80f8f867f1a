package dev.marquee.transcode.internal.cmaf;

import java.util.HexFormat;
import java.util.List;

/**
 * The boxes Common Encryption (ISO/IEC 23001-7) adds to CMAF: in the sample entry, sinf (frma,
 * schm, schi/tenc); in moov, a pssh for the W3C common system (ClearKey); in each traf, saiz, saio
 * and senc, in shaka-packager's order.
 */
final class ProtectionBoxes {
  /** W3C "Common PSSH box format" system id, which ClearKey players read. */
  private static final byte[] COMMON_SYSTEM_ID =
      HexFormat.of().parseHex("1077efecc0b24d02ace33c1e52e2fb4b");

  private static final int SCHEME_VERSION = 0x00010000;
  private static final int SENC_USE_SUBSAMPLES = 0x2;

  private ProtectionBoxes() {}

  /** sinf: the original sample entry type, the scheme, and the track's encryption defaults. */
  static void sinf(BoxWriter w, String originalFormat, Protection protection, boolean video) {
    w.open("sinf");
    w.open("frma").fourCc(originalFormat).close();
    w.openFull("schm", 0, 0).fourCc(protection.scheme().fourCc()).u32(SCHEME_VERSION).close();
    w.open("schi");
    if (protection.scheme() == Protection.Scheme.CENC) {
      // tenc version 0 for 'cenc' (10.1): no pattern, 8-byte IVs in senc.
      w.openFull("tenc", 0, 0)
          .u8(0) // reserved
          .u8(0) // reserved
          .u8(1) // default_isProtected
          .u8(Protection.CENC_IV_SIZE) // default_Per_Sample_IV_Size
          .bytes(protection.keyId())
          .close();
    } else {
      // tenc version 1 for 'cbcs' (10.4): the pattern, no per-sample IV, a constant IV.
      byte[] constantIv = protection.constantIv();
      w.openFull("tenc", 1, 0)
          .u8(0) // reserved
          .u8(protection.cryptByteBlock(video) << 4 | protection.skipByteBlock(video))
          .u8(1) // default_isProtected
          .u8(0) // default_Per_Sample_IV_Size
          .bytes(protection.keyId())
          .u8(constantIv.length) // default_constant_IV_size
          .bytes(constantIv)
          .close();
    }
    w.close(); // schi
    w.close(); // sinf
  }

  /** pssh version 1 for the common system: the key id, no data. */
  static void commonPssh(BoxWriter w, byte[] keyId) {
    w.openFull("pssh", 1, 0).bytes(COMMON_SYSTEM_ID).u32(1).bytes(keyId).u32(0).close();
  }

  /**
   * saiz, saio and senc for one track fragment. saio points at the first sample's auxiliary
   * information inside senc, relative to the start of moof (tfhd says default-base-is-moof). Where
   * the auxiliary information is empty ('cbcs' audio: constant IV, no subsamples), saiz and saio
   * are left out and senc only counts the samples, as shaka-packager writes it.
   */
  static void sampleEncryption(
      BoxWriter w, int moofStart, SampleEncryptor.EncryptedFragment fragment) {
    List<SampleEncryptor.EncryptedSample> samples = fragment.samples();
    boolean useSubsamples = fragment.subsampleMaps();
    int[] infoSizes = new int[samples.size()];
    boolean empty = true;
    for (int i = 0; i < infoSizes.length; i++) {
      SampleEncryptor.EncryptedSample s = samples.get(i);
      infoSizes[i] = s.iv().length + (useSubsamples ? 2 + 6 * s.subsamples().size() : 0);
      if (infoSizes[i] > 0xFF) {
        throw new IllegalArgumentException(
            "sample " + i + " has too many subsamples for saiz: " + s.subsamples().size());
      }
      empty &= infoSizes[i] == 0;
    }
    int saioOffsetAt = -1;
    if (!empty) {
      int defaultSize = allEqual(infoSizes) ? infoSizes[0] : 0;
      w.openFull("saiz", 0, 0).u8(defaultSize).u32(samples.size());
      if (defaultSize == 0) {
        for (int size : infoSizes) {
          w.u8(size);
        }
      }
      w.close();
      w.openFull("saio", 0, 0).u32(1);
      saioOffsetAt = w.size();
      w.u32(0).close();
    }
    int sencStart = w.size();
    w.openFull("senc", 0, useSubsamples ? SENC_USE_SUBSAMPLES : 0).u32(samples.size());
    for (SampleEncryptor.EncryptedSample s : samples) {
      w.bytes(s.iv());
      if (useSubsamples) {
        w.u16(s.subsamples().size());
        for (Subsample sub : s.subsamples()) {
          w.u16(sub.clearBytes()).u32(sub.protectedBytes());
        }
      }
    }
    w.close();
    if (saioOffsetAt >= 0) {
      int firstSampleInfo = sencStart + 16; // box header, version and flags, sample_count
      w.patchU32(saioOffsetAt, firstSampleInfo - moofStart);
    }
  }

  private static boolean allEqual(int[] values) {
    for (int v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return values.length > 0;
  }
}
