package dev.marquee.cli;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The OAuth device authorization grant (RFC 8628): ask for a code, show it, poll the token endpoint
 * at the server's interval (five seconds more after each {@code slow_down}) until the person
 * approves it in a browser, denies it, or the code expires.
 */
final class DeviceLogin {
  static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  private final MarqueeApi api;

  DeviceLogin(MarqueeApi api) {
    this.api = api;
  }

  /** RFC 8628 section 3.2: what to show the person. */
  record Codes(
      String deviceCode,
      String userCode,
      String verificationUri,
      String verificationUriComplete,
      Duration expiresIn,
      Duration interval) {}

  Codes start(String deviceName) {
    HttpResponse<String> reply =
        api.postForm(
            "/api/oauth/device_authorization",
            Map.of(
                "client_id",
                MarqueeApi.CLIENT_ID,
                "device_name",
                deviceName,
                "device_type",
                "DESKTOP"));
    if (reply.statusCode() != 200) {
      throw ServerProblem.of(reply.statusCode(), reply.body());
    }
    JsonObject o = Json.parseObject(reply.body());
    return new Codes(
        o.getString("device_code"),
        o.getString("user_code"),
        o.getString("verification_uri"),
        o.getString("verification_uri_complete", o.getString("verification_uri")),
        Duration.ofSeconds(o.getInt("expires_in")),
        Duration.ofSeconds(o.containsKey("interval") ? o.getInt("interval") : 5));
  }

  /** Polls until the person decides; the sign-in, ready to store. */
  Credentials await(Codes codes) throws InterruptedException {
    Instant deadline = api.clock().instant().plus(codes.expiresIn());
    Duration interval = codes.interval();
    while (true) {
      Thread.sleep(interval.toMillis()); // RFC 8628 section 3.5: wait the interval between polls
      HttpResponse<String> reply =
          api.postForm(
              "/api/oauth/token",
              Map.of(
                  "grant_type",
                  GRANT,
                  "client_id",
                  MarqueeApi.CLIENT_ID,
                  "device_code",
                  codes.deviceCode()));
      if (reply.statusCode() == 200) {
        return Credentials.fromTokenResponse(
            api.server(), Json.parseObject(reply.body()), api.clock().instant());
      }
      ServerProblem problem = ServerProblem.of(reply.statusCode(), reply.body());
      switch (problem.oauthError()) {
        case "authorization_pending" -> {}
        case "slow_down" -> interval = interval.plusSeconds(5);
        case "access_denied" ->
            throw new CliFailure(ExitCode.NOT_LOGGED_IN, "the sign-in was denied in the browser");
        case "expired_token" ->
            throw new CliFailure(
                ExitCode.NOT_LOGGED_IN, "the code expired before it was approved; log in again");
        default -> throw problem;
      }
      if (api.clock().instant().isAfter(deadline)) {
        throw new CliFailure(
            ExitCode.NOT_LOGGED_IN, "the code expired before it was approved; log in again");
      }
    }
  }
}
