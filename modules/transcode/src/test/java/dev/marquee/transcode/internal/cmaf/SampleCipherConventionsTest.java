package dev.marquee.transcode.internal.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The ciphers against the schemes' rules, rebuilt here from single AES block operations: 'cenc' as
 * one counter-mode key stream over all protected ranges of a sample; 'cbcs' as CBC chains that
 * restart at the constant IV in every protected range, run through the pattern's encrypted blocks
 * only, and leave partial blocks clear.
 */
class SampleCipherConventionsTest {
  private static final byte[] KEY = bytes(16, 1);
  private final Random random = new Random(7);

  @Test
  void cencIsOneKeyStreamAcrossTheProtectedRangesOfASample() throws Exception {
    byte[] sample = randomBytes(5 + 20 + 10 + 33 + 32);
    List<Subsample> subsamples =
        List.of(new Subsample(5, 20), new Subsample(10, 33), new Subsample(32, 0));
    byte[] iv = bytes(8, 200);

    byte[] encrypted = new CencEncryptor(KEY).encrypt(sample, subsamples, iv);

    byte[] keyStream = new byte[64];
    for (int block = 0; block < 4; block++) {
      byte[] counter = Arrays.copyOf(iv, 16);
      counter[15] = (byte) block; // 64-bit block counter from 0 after the 8-byte IV
      System.arraycopy(aes(counter), 0, keyStream, block * 16, 16);
    }
    byte[] expected = sample.clone();
    int stream = 0;
    for (int[] range : new int[][] {{5, 25}, {35, 68}}) {
      for (int i = range[0]; i < range[1]; i++) {
        expected[i] ^= keyStream[stream++];
      }
    }
    assertThat(encrypted).isEqualTo(expected);
  }

  @Test
  void cencWithoutSubsamplesEncryptsTheWholeSample() throws Exception {
    byte[] sample = randomBytes(21);
    byte[] iv = bytes(8, 9);
    byte[] encrypted = new CencEncryptor(KEY).encrypt(sample, List.of(), iv);
    byte[] second = Arrays.copyOf(iv, 16);
    second[15] = 1;
    byte[] keyStream = concat(aes(Arrays.copyOf(iv, 16)), aes(second));
    for (int i = 0; i < sample.length; i++) {
      assertThat(encrypted[i]).isEqualTo((byte) (sample[i] ^ keyStream[i]));
    }
  }

  @Test
  void cbcsVideoEncryptsOneBlockInTenAndRestartsTheChainInEachSubsample() throws Exception {
    byte[] iv = bytes(16, 50);
    int range1 = 16 * 25 + 7; // blocks 0, 10, 20 encrypted; 7 trailing bytes clear
    int range2 = 16 * 3; // block 0 only
    byte[] sample = randomBytes(9 + range1 + 3 + range2);
    List<Subsample> subsamples = List.of(new Subsample(9, range1), new Subsample(3, range2));

    byte[] encrypted = new CbcsEncryptor(KEY, iv, 1, 9).encrypt(sample, subsamples);

    byte[] expected = sample.clone();
    byte[] chain = iv;
    for (int block : new int[] {0, 10, 20}) {
      chain = encryptBlock(sample, 9 + block * 16, chain, expected);
    }
    encryptBlock(sample, 9 + range1 + 3, iv, expected); // the second range starts again at the IV
    assertThat(encrypted).isEqualTo(expected);
  }

  @Test
  void cbcsAudioEncryptsEveryWholeBlockAndLeavesThePartialOneClear() throws Exception {
    byte[] iv = bytes(16, 80);
    byte[] sample = randomBytes(16 * 5 + 3);

    byte[] encrypted = new CbcsEncryptor(KEY, iv, 0, 0).encrypt(sample, List.of());

    byte[] expected = sample.clone();
    byte[] chain = iv;
    for (int block = 0; block < 5; block++) {
      chain = encryptBlock(sample, block * 16, chain, expected);
    }
    assertThat(encrypted).isEqualTo(expected);
  }

  /** CBC by hand: E(plain XOR previous), written into {@code out}; returns the cipher block. */
  private static byte[] encryptBlock(byte[] in, int at, byte[] previous, byte[] out)
      throws Exception {
    byte[] block = Arrays.copyOfRange(in, at, at + 16);
    for (int i = 0; i < 16; i++) {
      block[i] ^= previous[i];
    }
    byte[] cipher = aes(block);
    System.arraycopy(cipher, 0, out, at, 16);
    return cipher;
  }

  private static byte[] aes(byte[] block) throws Exception {
    Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
    ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"));
    return ecb.doFinal(block);
  }

  private byte[] randomBytes(int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  private static byte[] bytes(int length, int start) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (start + i);
    }
    return b;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
