package dev.marquee.playback.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.KeyIds;
import dev.marquee.drm.api.TrackType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JwkSetsTest {
  private static final UUID TITLE = UUID.randomUUID();
  private static final ContentKey SD = key(TrackType.SD, 1);
  private static final ContentKey AUDIO = key(TrackType.AUDIO, 2);

  @Test
  void aClearKeyLicenceIsAJwkSetOfItsKeys() {
    String kid = KeyIds.base64Url(SD.keyIdBytes());
    String k = KeyIds.base64Url(SD.key());
    assertThat(JwkSets.of(List.of(SD), "temporary"))
        .isEqualTo(
            "{\"keys\":[{\"kty\":\"oct\",\"kid\":\""
                + kid
                + "\",\"k\":\""
                + k
                + "\"}],\"type\":\"temporary\"}");
  }

  @Test
  void anOfflineLicenceIsTheJwkSetWithItsIdExpiryAndPlayWindow() {
    UUID id = UUID.randomUUID();
    Instant expires = Instant.parse("2026-12-24T18:30:00.123456Z");
    JsonObject licence = parse(JwkSets.offline(List.of(SD, AUDIO), id, expires, 172800));
    // What the licence server wrote before, by splicing strings into the JWK set.
    String jwk = JwkSets.of(List.of(SD, AUDIO), "persistent-license");
    String spliced =
        jwk.substring(0, jwk.length() - 1)
            + ",\"licenceId\":\""
            + id
            + "\",\"expiresAt\":\""
            + expires
            + "\",\"playSeconds\":"
            + 172800
            + "}";
    assertThat(licence).isEqualTo(parse(spliced));
    assertThat(JwkSets.offline(List.of(SD, AUDIO), id, expires, 172800)).isEqualTo(spliced);
    assertThat(licence.keySet())
        .containsExactly("keys", "type", "licenceId", "expiresAt", "playSeconds");
    assertThat(licence.getString("type")).isEqualTo("persistent-license");
    assertThat(licence.getJsonArray("keys")).hasSize(2);
    assertThat(licence.getString("expiresAt")).isEqualTo("2026-12-24T18:30:00.123456Z");
    assertThat(licence.getJsonNumber("playSeconds").longValueExact()).isEqualTo(172800);
  }

  private static ContentKey key(TrackType type, int fill) {
    byte[] raw = new byte[16];
    Arrays.fill(raw, (byte) fill);
    return new ContentKey(TITLE, type, UUID.randomUUID(), raw);
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
