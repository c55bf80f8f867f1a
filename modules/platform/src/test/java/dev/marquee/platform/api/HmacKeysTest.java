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
}
