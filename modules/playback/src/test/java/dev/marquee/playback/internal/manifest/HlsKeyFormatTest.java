package dev.marquee.playback.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.api.ProblemException;
import org.junit.jupiter.api.Test;

/** Which key tags an HLS media playlist carries, and how an EME player finds the key id. */
class HlsKeyFormatTest {
  @Test
  void bothFormatsByDefaultAndOneWhenAskedFor() {
    assertThat(HlsKeyFormat.requested(null))
        .containsExactly(HlsKeyFormat.IDENTITY, HlsKeyFormat.CLEARKEY);
    assertThat(HlsKeyFormat.requested("org.w3.clearkey")).containsExactly(HlsKeyFormat.CLEARKEY);
    assertThat(HlsKeyFormat.requested("identity")).containsExactly(HlsKeyFormat.IDENTITY);
  }

  @Test
  void anUnknownFormatIsRefusedByName() {
    assertThatThrownBy(() -> HlsKeyFormat.requested("com.apple.streamingkeydelivery"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("com.apple.streamingkeydelivery");
  }

  @Test
  void theClearKeyTagsUriIsTheKeyIdsSixteenBytesInBase64() {
    // 00112233-4455-6677-8899-aabbccddeeff is the bytes 00 11 22 ... ff.
    assertThat(HlsPlaylists.keyIdDataUri("00112233-4455-6677-8899-aabbccddeeff"))
        .isEqualTo("data:text/plain;base64,ABEiM0RVZneImaq7zN3u/w==");
  }
}
