package dev.marquee.cli;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A sign-in at one server: the access token, when it expires, and the refresh token. */
public record Credentials(
    String server, String accessToken, Instant expiresAt, String refreshToken, String deviceId) {

  /** Refresh this long before the server would refuse the token (clocks and requests take time). */
  static final Duration MARGIN = Duration.ofSeconds(30);

  /** From an OAuth token response (RFC 6749 section 5.1), received at {@code now}. */
  static Credentials fromTokenResponse(String server, JsonObject token, Instant now) {
    return new Credentials(
        server,
        token.getString("access_token"),
        now.plusSeconds(token.getJsonNumber("expires_in").longValue()),
        token.getString("refresh_token", null),
        token.getString("device_id", null));
  }

  /** Whether the access token must be refreshed before it is used. */
  public boolean expired(Clock clock) {
    return !clock.instant().plus(MARGIN).isBefore(expiresAt);
  }

  JsonObject toJson() {
    var o =
        Json.object()
            .add("server", server)
            .add("accessToken", accessToken)
            .add("expiresAt", expiresAt.toString());
    if (refreshToken != null) {
      o.add("refreshToken", refreshToken);
    }
    if (deviceId != null) {
      o.add("deviceId", deviceId);
    }
    return o.build();
  }

  static Credentials fromJson(JsonObject o) {
    return new Credentials(
        o.getString("server"),
        o.getString("accessToken"),
        Instant.parse(o.getString("expiresAt")),
        o.getString("refreshToken", null),
        o.getString("deviceId", null));
  }
}
