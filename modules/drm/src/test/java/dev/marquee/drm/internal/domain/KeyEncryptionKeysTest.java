package dev.marquee.drm.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyEncryptionKeysTest {
  private static String kek(String id) {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return id + ":" + Base64.getEncoder().encodeToString(b);
  }

  private static final byte[] KEY = "0123456789abcdef".getBytes();
  private static final byte[] AAD = "title|SD|kid".getBytes();

  @Test
  void wrapsUnderTheActiveKekAndUnwrapsWithTheNamedOne() {
    String one = kek("k1");
    KeyEncryptionKeys first = KeyEncryptionKeys.of(one, null);
    byte[] wrapped = first.wrap(KEY, AAD);
    assertThat(first.activeId()).isEqualTo("k1");
    assertThat(wrapped).hasSize(12 + 16 + 16);
    assertThat(new String(wrapped)).doesNotContain("0123456789abcdef");

    KeyEncryptionKeys rotated = KeyEncryptionKeys.of(kek("k2") + "," + one, null);
    assertThat(rotated.activeId()).isEqualTo("k2");
    assertThat(rotated.unwrap("k1", wrapped, AAD)).isEqualTo(KEY);
    byte[] rewrapped = rotated.wrap(KEY, AAD);
    assertThat(rotated.unwrap("k2", rewrapped, AAD)).isEqualTo(KEY);
  }

  @Test
  void aWrappedKeyDoesNotOpenWithAnotherRowsDataOrAnotherKek() {
    KeyEncryptionKeys keks = KeyEncryptionKeys.of(kek("k1") + "," + kek("k2"), "k1");
    byte[] wrapped = keks.wrap(KEY, AAD);
    assertThatThrownBy(() -> keks.unwrap("k1", wrapped, "title|HD|kid".getBytes()))
        .isInstanceOf(KekUnavailable.class)
        .hasMessageContaining("does not authenticate");
    assertThatThrownBy(() -> keks.unwrap("k2", wrapped, AAD)).isInstanceOf(KekUnavailable.class);
    assertThatThrownBy(() -> keks.unwrap("gone", wrapped, AAD))
        .hasMessageContaining("gone, which is not configured");
  }

  @Test
  void misconfigurationIsNamed() {
    assertThatThrownBy(() -> KeyEncryptionKeys.of("", null).activeId())
        .hasMessageContaining("MARQUEE_DRM_KEKS");
    assertThatThrownBy(() -> KeyEncryptionKeys.of("k1:AAAA", null).activeId())
        .hasMessageContaining("has 3 bytes; AES-256 needs 32");
    assertThatThrownBy(() -> KeyEncryptionKeys.of(kek("k1"), "k9").activeId())
        .hasMessageContaining("k9 is not listed");
    assertThatThrownBy(() -> KeyEncryptionKeys.of("k1:@@@", null).activeId())
        .hasMessageContaining("not valid base64");
  }
}
