package dev.marquee.systemtests;

import dev.marquee.devstack.MarqueeStack;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Viewer accounts with devices, profiles and entitlements, and the playback flow around them. */
final class Viewers {
  static final String PASSWORD = "popcorn on the sofa";

  private Viewers() {}

  /** A signed-in viewer with its first profile and one registered device. */
  record Viewer(String email, String token, String accountId, String profileId, String deviceId) {}

  static String admin(Api api) {
    return api.signIn(MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword())
        .getString("access_token");
  }

  /**
   * A new viewer with a device of the given type; {@code "HARDWARE"} has an administrator mark the
   * device hardware-secure (a device cannot declare it), null leaves it as registered (SOFTWARE).
   */
  static Viewer newViewer(Api api, String deviceType, String securityLevel) {
    return newViewer(api, null, deviceType, securityLevel);
  }

  /** Same, for an account registered as living in {@code country} (null: not said). */
  static Viewer newViewer(Api api, String country, String deviceType, String securityLevel) {
    String email = api.registerViewer(PASSWORD, country);
    String token = api.signIn(email, PASSWORD).getString("access_token");
    String accountId = api.get("/api/accounts/me", token).json().getString("id");
    String profileId =
        api.get("/api/accounts/me/profiles", token).array().getJsonObject(0).getString("id");
    return new Viewer(
        email, token, accountId, profileId, device(api, token, deviceType, securityLevel));
  }

  static String device(Api api, String token, String type, String securityLevel) {
    var body =
        Json.createObjectBuilder().add("name", type + " " + UUID.randomUUID()).add("type", type);
    var reply = api.postJson("/api/accounts/me/devices", body.build().toString(), token);
    if (reply.status() != 201) {
      throw new AssertionError("registering a device failed: " + reply);
    }
    String deviceId = reply.json().getString("id");
    if ("HARDWARE".equals(securityLevel)) {
      String accountId = api.get("/api/accounts/me", token).json().getString("id");
      markSecurityLevel(api, admin(api), accountId, deviceId, "HARDWARE");
    } else if (securityLevel != null) {
      throw new IllegalArgumentException("devices start as SOFTWARE; ask for HARDWARE or null");
    }
    return deviceId;
  }

  /** An administrator's decision on a device, with a reason for the audit. */
  static Api.Reply markSecurityLevel(
      Api api, String admin, String accountId, String deviceId, String level) {
    var reply =
        api.putJson(
            "/api/admin/accounts/" + accountId + "/devices/" + deviceId + "/security-level",
            Json.createObjectBuilder()
                .add("securityLevel", level)
                .add("reason", "Model certified for hardware-backed decryption (test)")
                .build()
                .toString(),
            admin);
    if (reply.status() != 200) {
      throw new AssertionError("marking the device " + level + " failed: " + reply);
    }
    return reply;
  }

  static void subscribe(Api api, String admin, Viewer v, String plan) {
    var reply =
        api.putJson(
            "/api/admin/accounts/" + v.accountId() + "/subscription",
            "{\"plan\":\"" + plan + "\",\"days\":30}",
            admin);
    if (reply.status() != 200) {
      throw new AssertionError("subscribing failed: " + reply);
    }
  }

  /** Starts a session as a viewer in Great Britain (the edge's country header says so). */
  static Api.Reply startSession(Api api, Viewer v, String deviceId, String titleId) {
    return startSession(api, v, deviceId, titleId, "");
  }

  /** A session started with a query string ({@code "?inline=dash"}, or {@code ""}). */
  static Api.Reply startSession(Api api, Viewer v, String deviceId, String titleId, String query) {
    return api.send(
        "POST",
        "/api/playback/sessions" + query,
        Json.createObjectBuilder()
            .add("titleId", titleId)
            .add("profileId", v.profileId())
            .add("deviceId", deviceId)
            .build()
            .toString(),
        Map.of(
            "Authorization", "Bearer " + v.token(),
            "Content-Type", "application/json",
            "X-Viewer-Country", "GB"));
  }

  /**
   * A session's manifest ({@code dash} or {@code hls}) opened as the web player opens it: the
   * session token in the X-Playback-Session header, none in the URL.
   */
  static Api.Reply manifest(Api api, JsonObject session, String format) {
    return api.send(
        "GET",
        session.getJsonObject("manifests").getString(format),
        null,
        Map.of("X-Playback-Session", session.getString("token")));
  }

  /** A W3C ClearKey request body for the given key ids (UUID form). */
  static String clearKeyRequest(String type, String... kids) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (String kid : kids) {
      array.add(base64Url(kid));
    }
    return Json.createObjectBuilder().add("kids", array).add("type", type).build().toString();
  }

  static String base64Url(String uuid) {
    UUID u = UUID.fromString(uuid);
    byte[] b =
        ByteBuffer.allocate(16)
            .putLong(u.getMostSignificantBits())
            .putLong(u.getLeastSignificantBits())
            .array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Key id (UUID) to key (hex) from a JWK set answer. */
  static Map<String, String> keys(JsonObject jwkSet) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (var v : jwkSet.getJsonArray("keys")) {
      JsonObject k = v.asJsonObject();
      ByteBuffer kid = ByteBuffer.wrap(Base64.getUrlDecoder().decode(k.getString("kid")));
      keys.put(
          new UUID(kid.getLong(), kid.getLong()).toString(),
          HexFormat.of().formatHex(Base64.getUrlDecoder().decode(k.getString("k"))));
    }
    return keys;
  }

  /**
   * Every key of a title a subscriber's software device may hold, through the real session and
   * licence flow (the way tests get keys to decrypt what the packager stored).
   */
  static Map<String, String> keysOf(Api api, String titleId, String region) {
    Viewer v = newViewer(api, "TV", "HARDWARE");
    subscribe(api, admin(api), v, "UHD");
    var started = startSession(api, v, v.deviceId(), titleId);
    if (started.status() != 201) {
      throw new AssertionError("starting a session failed: " + started);
    }
    JsonObject session = started.json();
    String[] kids =
        session.getJsonObject("keyIds").values().stream()
            .map(x -> ((jakarta.json.JsonString) x).getString())
            .toArray(String[]::new);
    var licence =
        api.send(
            "POST",
            "/api/drm/licenses/clearkey",
            clearKeyRequest("temporary", kids),
            Map.of("X-Playback-Session", session.getString("token"), "X-Viewer-Country", region));
    if (licence.status() != 200) {
      throw new AssertionError("licence refused: " + licence);
    }
    api.delete("/api/playback/sessions/" + session.getString("sessionId"), v.token());
    return keys(licence.json());
  }
}
