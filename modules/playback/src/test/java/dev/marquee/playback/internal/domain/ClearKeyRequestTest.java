package dev.marquee.playback.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.drm.api.KeyIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClearKeyRequestTest {
  @Test
  void readsTheW3cRequest() {
    UUID kid = UUID.randomUUID();
    String b64 = KeyIds.base64Url(KeyIds.bytes(kid));
    ClearKeyRequest r =
        ClearKeyRequest.parse(
            "{\"kids\":[\"" + b64 + "\",\"" + b64 + "\"],\"type\":\"temporary\"}");
    assertThat(r.kids()).containsExactly(kid);
    assertThat(r.type()).isEqualTo("temporary");
    assertThat(ClearKeyRequest.parse("{\"kids\":[\"" + b64 + "\"]}").type()).isEqualTo("temporary");
  }

  @Test
  void refusesWhatIsNotOne() {
    for (String bad :
        new String[] {
          "",
          "[]",
          "nope",
          "{\"kids\":[]}",
          "{\"kids\":[1]}",
          "{\"kids\":[\"abc\"]}",
          "{\"kids\":[\"AAAAAAAAAAAAAAAAAAAAAA\"],\"type\":\"forever\"}"
        }) {
      assertThatThrownBy(() -> ClearKeyRequest.parse(bad))
          .as(bad)
          .hasFieldOrPropertyWithValue("type", "invalid-licence-request");
    }
  }
}
