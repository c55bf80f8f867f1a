package dev.marquee.drm.internal.rest;

import dev.marquee.drm.api.ContentKey;
import dev.marquee.drm.api.KeyIds;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Arrays;
import java.util.List;

/** The W3C ClearKey licence format: a JSON Web Key set of symmetric keys. */
final class JwkSets {
  /** Looked up once: {@code JSON.createObjectBuilder} runs a ServiceLoader lookup every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JwkSets() {}

  static String of(List<ContentKey> keys, String type) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (ContentKey k : keys) {
      byte[] raw = k.key();
      array.add(
          JSON.createObjectBuilder()
              .add("kty", "oct")
              .add("kid", KeyIds.base64Url(k.keyIdBytes()))
              .add("k", KeyIds.base64Url(raw)));
      Arrays.fill(raw, (byte) 0);
    }
    return JSON.createObjectBuilder().add("keys", array).add("type", type).build().toString();
  }
}
