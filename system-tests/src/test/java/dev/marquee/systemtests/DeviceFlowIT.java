package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RFC 8628: a TV shows a code, a signed-in phone approves it, the TV's polling gets tokens. */
@ExtendWith(RunningMarquee.class)
class DeviceFlowIT {
  private static final String PASSWORD = "living room television";
  private final Api api = RunningMarquee.api();

  private JsonObject startOnTv(String name) {
    var reply =
        api.postForm(
            "/api/oauth/device_authorization",
            Map.of("client_id", "marquee-tv", "device_name", name, "device_type", "TV"));
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  private Api.Reply poll(String deviceCode) {
    return api.postForm(
        "/api/oauth/token",
        Map.of(
            "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
            "client_id", "marquee-tv",
            "device_code", deviceCode));
  }

  @Test
  void aPhoneApprovesTheCodeAndTheTvReceivesTokensBoundToANewDevice() throws Exception {
    String email = api.registerViewer(PASSWORD);
    String phoneToken = api.signIn(email, PASSWORD).getString("access_token");

    JsonObject codes = startOnTv("Living room TV");
    String userCode = codes.getString("user_code");
    assertThat(userCode).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
    assertThat(codes.getString("verification_uri")).endsWith("/activate.html");
    assertThat(codes.getString("verification_uri_complete")).contains(userCode);
    assertThat(codes.getInt("interval")).isEqualTo(1);

    String deviceCode = codes.getString("device_code");
    assertThat(poll(deviceCode).json().getString("error")).isEqualTo("authorization_pending");
    // Polling again at once is too fast (RFC 8628 section 3.5).
    assertThat(poll(deviceCode).json().getString("error")).isEqualTo("slow_down");

    // Before deciding, the viewer sees who asks: the device, the app, when.
    var asking = api.get("/api/oauth/device/approvals/" + userCode.toLowerCase(), phoneToken);
    assertThat(asking.status()).as(asking.toString()).isEqualTo(200);
    assertThat(asking.json().getString("deviceName")).isEqualTo("Living room TV");
    assertThat(asking.json().getString("deviceType")).isEqualTo("TV");
    assertThat(asking.json().getString("clientId")).isEqualTo("marquee-tv");
    assertThat(asking.json().getString("clientName")).isNotBlank();
    assertThat(java.time.Instant.parse(asking.json().getString("requestedAt")))
        .isBefore(java.time.Instant.parse(asking.json().getString("expiresAt")));
    assertProblem(
        api.get("/api/oauth/device/approvals/BBBB-BBBB", phoneToken), 404, "unknown-user-code");

    // The viewer types the code any way they like.
    String typed = userCode.toLowerCase().replace("-", " ");
    var approval =
        api.postJson(
            "/api/oauth/device/approvals",
            "{\"userCode\":\"" + typed + "\",\"decision\":\"approve\"}",
            phoneToken);
    assertThat(approval.status()).isEqualTo(200);
    assertThat(approval.json().getString("deviceName")).isEqualTo("Living room TV");

    // The TV waits out its interval, which grew by 5 s after slow_down (RFC 8628 3.5): the last
    // poll is moved that far into the past instead of sleeping through it.
    assertThat(
            Database.update(
                "UPDATE accounts.device_authorizations"
                    + " SET last_polled_at = last_polled_at - interval '10 seconds'"
                    + " WHERE user_code = ?",
                userCode))
        .isEqualTo(1);
    var granted = poll(deviceCode);
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    String tvToken = granted.json().getString("access_token");
    String deviceId = granted.json().getString("device_id");
    assertThat(api.get("/api/accounts/me", tvToken).json().getString("email")).isEqualTo(email);

    var devices = api.get("/api/accounts/me/devices", phoneToken).array();
    assertThat(devices.stream().map(d -> d.asJsonObject().getString("id"))).contains(deviceId);

    // A device code works once.
    assertProblem(poll(deviceCode), 400, "oauth-invalid-grant");
    // The user code is spent as well.
    assertProblem(
        api.postJson(
            "/api/oauth/device/approvals",
            "{\"userCode\":\"" + userCode + "\",\"decision\":\"approve\"}",
            phoneToken),
        404,
        "unknown-user-code");
  }

  @Test
  void aDeniedDeviceGetsAccessDenied() {
    String email = api.registerViewer(PASSWORD);
    String phoneToken = api.signIn(email, PASSWORD).getString("access_token");
    JsonObject codes = startOnTv("Neighbour's TV");
    var denial =
        api.postJson(
            "/api/oauth/device/approvals",
            "{\"userCode\":\"" + codes.getString("user_code") + "\",\"decision\":\"deny\"}",
            phoneToken);
    assertThat(denial.status()).isEqualTo(200);
    assertThat(poll(codes.getString("device_code")).json().getString("error"))
        .isEqualTo("access_denied");
  }

  @Test
  void badDeviceFlowRequestsAreNamed() {
    String email = api.registerViewer(PASSWORD);
    String phoneToken = api.signIn(email, PASSWORD).getString("access_token");

    assertProblem(
        api.postForm("/api/oauth/device_authorization", Map.of("client_id", "marquee-web")),
        400,
        "oauth-unauthorized-client");
    assertProblem(
        api.postForm(
            "/api/oauth/device_authorization",
            Map.of("client_id", "marquee-tv", "device_type", "toaster")),
        400,
        "oauth-invalid-request");
    assertProblem(poll("no-such-device-code"), 400, "oauth-invalid-grant");
    assertProblem(
        api.postJson(
            "/api/oauth/device/approvals",
            "{\"userCode\":\"BBBB-BBBB\",\"decision\":\"approve\"}",
            phoneToken),
        404,
        "unknown-user-code");
    assertProblem(
        api.postJson(
            "/api/oauth/device/approvals",
            "{\"userCode\":\"BBBB-BBBB\",\"decision\":\"maybe\"}",
            phoneToken),
        400,
        "validation-failed");
    // Approving needs a signed-in viewer.
    assertProblem(
        api.postJson(
            "/api/oauth/device/approvals", "{\"userCode\":\"BBBB-BBBB\",\"decision\":\"approve\"}"),
        401,
        "unauthenticated");
  }
}
