package dev.marquee.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HmacKeysTest {
  @Test
  void aSecretOf31BytesIsRefusedNamingTheVariable() {
    assertThatThrownBy(
            () -> HmacKeys.of(Optional.of("x".repeat(31)), "MARQUEE_TEST_SECRET_A", "unused"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MARQUEE_TEST_SECRET_A holds 31 bytes")
        .hasMessageContaining("at least 32");
    assertThat(HmacKeys.refused()).containsKey("MARQUEE_TEST_SECRET_A");
  }

  @Test
  void aSecretOf32BytesMakesAKeyAndClearsAnEarlierRefusal() {
    assertThatThrownBy(
        () -> HmacKeys.ofBytes(Optional.of(new byte[16]), "MARQUEE_TEST_SECRET_B", "unused"));
    assertThat(HmacKeys.refused()).containsKey("MARQUEE_TEST_SECRET_B");

    var key = HmacKeys.ofBytes(Optional.of(new byte[32]), "MARQUEE_TEST_SECRET_B", "unused");
    assertThat(key.getEncoded()).hasSize(32);
    assertThat(HmacKeys.refused()).doesNotContainKey("MARQUEE_TEST_SECRET_B");
  }

  @Test
  void withoutASecretARandomKeyOf32BytesIsMade() {
    var key = HmacKeys.of(Optional.of("  "), "MARQUEE_TEST_SECRET_C", "tests only");
    assertThat(key.getEncoded()).hasSize(32);
    assertThat(HmacKeys.refused()).doesNotContainKey("MARQUEE_TEST_SECRET_C");
  }

  @Test
  void signsAsRfc4231SaysAndEachKeyOnOneThreadGetsItsOwnTag() {
    // RFC 4231, test case 1: key 0x0b x 20, data "Hi There".
    byte[] key = new byte[20];
    java.util.Arrays.fill(key, (byte) 0x0b);
    var k1 = new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256");
    var k2 = new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256");
    byte[] data = "Hi There".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String expected = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";

    assertThat(java.util.HexFormat.of().formatHex(HmacKeys.sign(k1, data))).isEqualTo(expected);
    assertThat(java.util.HexFormat.of().formatHex(HmacKeys.sign(k2, data))).isNotEqualTo(expected);
    assertThat(java.util.HexFormat.of().formatHex(HmacKeys.sign(k1, data))).isEqualTo(expected);
  }
}
