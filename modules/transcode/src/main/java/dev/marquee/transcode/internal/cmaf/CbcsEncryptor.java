package dev.marquee.transcode.internal.cmaf;

import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 'cbcs' scheme (ISO/IEC 23001-7 10.4): AES-128 in CBC mode with a constant IV, applied with a
 * pattern of encrypted and skipped 16-byte blocks (1:9 for video).
 *
 * <p>Each protected range (each subsample's, or the whole sample's when there are no subsamples)
 * starts a new CBC chain at the constant IV; within a range the chain runs through the encrypted
 * blocks only, skipped blocks not taking part. When fewer than the pattern's encrypted blocks are
 * left, the rest of the range stays clear, so a trailing partial block is never encrypted. Without
 * a pattern (audio, tenc 0:0) every whole block is encrypted, which is how shaka-packager treats
 * 0:0 (as 1:0).
 */
final class CbcsEncryptor {
  private static final int BLOCK = 16;

  private final SecretKeySpec key;
  private final IvParameterSpec constantIv;
  private final int cryptBytes;
  private final int skipBytes;
  private final Cipher cipher;

  CbcsEncryptor(byte[] key, byte[] constantIv, int cryptByteBlock, int skipByteBlock) {
    this.key = new SecretKeySpec(key, "AES");
    this.constantIv = new IvParameterSpec(constantIv);
    boolean noPattern = cryptByteBlock == 0 && skipByteBlock == 0;
    this.cryptBytes = (noPattern ? 1 : cryptByteBlock) * BLOCK;
    this.skipBytes = skipByteBlock * BLOCK;
    try {
      this.cipher = Cipher.getInstance("AES/CBC/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CBC is missing from this Java platform", e);
    }
  }

  /** Encrypts a sample; with no subsamples, the whole sample is one protected range. */
  byte[] encrypt(byte[] sample, List<Subsample> subsamples) {
    byte[] out = sample.clone();
    if (subsamples.isEmpty()) {
      encryptRange(sample, 0, sample.length, out);
      return out;
    }
    int at = 0;
    for (Subsample s : subsamples) {
      at += s.clearBytes();
      if (s.protectedBytes() > 0) {
        encryptRange(sample, at, s.protectedBytes(), out);
        at += s.protectedBytes();
      }
    }
    CencEncryptor.checkCovered(at, sample.length);
    return out;
  }

  private void encryptRange(byte[] sample, int from, int length, byte[] out) {
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, constantIv);
      if (skipBytes == 0) {
        int whole = length - length % BLOCK;
        cipher.update(sample, from, whole, out, from);
        return;
      }
      int at = from;
      int end = from + length;
      while (end - at >= cryptBytes) {
        cipher.update(sample, at, cryptBytes, out, at);
        at += cryptBytes + Math.min(skipBytes, end - at - cryptBytes);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CBC failed", e);
    }
  }
}
