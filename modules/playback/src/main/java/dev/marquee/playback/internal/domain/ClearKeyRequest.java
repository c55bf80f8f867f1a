package dev.marquee.playback.internal.domain;

import dev.marquee.drm.api.KeyIds;
import dev.marquee.platform.api.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A W3C ClearKey licence request ({@code {"kids":["<base64url>"...],"type":"temporary"}}), parsed
 * strictly: anything else is a 400 that says what is wrong.
 */
public record ClearKeyRequest(List<UUID> kids, String type) {
  public static final int MAX_BODY = 8192;
  static final int MAX_KIDS = 16;

  /** Looked up once: {@code Json.createReader} runs a ServiceLoader lookup on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static ClearKeyRequest parse(String body) {
    if (body == null || body.isBlank()) {
      throw invalid("The body is empty; send {\"kids\":[...],\"type\":\"temporary\"}.");
    }
    if (body.length() > MAX_BODY) {
      throw invalid("The body has more than " + MAX_BODY + " characters.");
    }
    JsonObject json;
    try (var reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw invalid("The body must be a JSON object.");
      }
      json = value.asJsonObject();
    } catch (JsonParsingException e) {
      throw invalid("The body is not valid JSON.");
    }
    JsonValue kidsValue = json.get("kids");
    if (kidsValue == null || kidsValue.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid("\"kids\" must be an array of base64url key ids.");
    }
    JsonArray array = kidsValue.asJsonArray();
    if (array.isEmpty() || array.size() > MAX_KIDS) {
      throw invalid("\"kids\" must hold between 1 and " + MAX_KIDS + " key ids.");
    }
    Set<UUID> kids = new LinkedHashSet<>();
    for (JsonValue v : array) {
      if (v.getValueType() != JsonValue.ValueType.STRING) {
        throw invalid("Every key id in \"kids\" must be a base64url string.");
      }
      String text = ((JsonString) v).getString();
      try {
        kids.add(KeyIds.fromBase64Url(text));
      } catch (IllegalArgumentException e) {
        throw invalid("Key id " + abbreviate(text) + " is not 16 bytes of base64url.");
      }
    }
    String type = json.getString("type", "temporary");
    if (!type.equals("temporary") && !type.equals("persistent-license")) {
      throw invalid("\"type\" must be temporary or persistent-license, not " + abbreviate(type));
    }
    return new ClearKeyRequest(List.copyOf(kids), type);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest("invalid-licence-request", detail);
  }
}
