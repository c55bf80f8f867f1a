package dev.marquee.transcode.internal.cmaf;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 'cenc' scheme (ISO/IEC 23001-7 10.1): AES-128 in counter mode. The counter block starts at
 * the 8-byte IV followed by a 64-bit block counter at 0, and the protected ranges of all the
 * sample's subsamples form one continuous key stream: a range that ends inside a block leaves the
 * rest of that block's key stream to the next range.
 */
final class CencEncryptor {
  private final SecretKeySpec key;
  private final Cipher cipher;

  CencEncryptor(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
    try {
      this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR is missing from this Java platform", e);
    }
  }

  /** Encrypts a sample; with no subsamples, the whole sample is protected. */
  byte[] encrypt(byte[] sample, List<Subsample> subsamples, byte[] iv) {
    byte[] out = sample.clone();
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(Arrays.copyOf(iv, 16)));
      if (subsamples.isEmpty()) {
        cipher.update(sample, 0, sample.length, out, 0);
        return out;
      }
      int at = 0;
      for (Subsample s : subsamples) {
        at += s.clearBytes();
        if (s.protectedBytes() > 0) {
          cipher.update(sample, at, s.protectedBytes(), out, at);
          at += s.protectedBytes();
        }
      }
      checkCovered(at, sample.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR failed", e);
    }
  }

  static void checkCovered(int mapped, int length) {
    if (mapped != length) {
      throw new IllegalArgumentException(
          "subsamples cover " + mapped + " bytes of a " + length + "-byte sample");
    }
  }
}
