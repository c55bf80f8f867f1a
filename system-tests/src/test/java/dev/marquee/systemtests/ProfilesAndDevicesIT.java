package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningMarquee.class)
class ProfilesAndDevicesIT {
  private static final String PASSWORD = "household of five";
  private final Api api = RunningMarquee.api();

  @Test
  void anAccountStartsWithOneProfileAndGrowsToFive() {
    String token = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    var initial = api.get("/api/accounts/me/profiles", token).array();
    assertThat(initial).hasSize(1);
    assertThat(initial.getJsonObject(0).getString("maturityCap")).isEqualTo("18+");

    var kids =
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"Kids\",\"kids\":true}", token);
    assertThat(kids.status()).isEqualTo(201);
    assertThat(kids.json().getString("maturityCap")).isEqualTo("7+");
    assertThat(kids.json().getBoolean("kids")).isTrue();

    assertProblem(
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"kids\",\"kids\":true}", token),
        409,
        "duplicate-profile-name");
    assertProblem(
        api.postJson(
            "/api/accounts/me/profiles",
            "{\"name\":\"Teen\",\"kids\":true,\"maturityCap\":\"16+\"}",
            token),
        400,
        "invalid-maturity-cap");
    assertProblem(
        api.postJson(
            "/api/accounts/me/profiles", "{\"name\":\"Odd\",\"maturityCap\":\"PG-13\"}", token),
        400,
        "invalid-maturity-cap");
    assertProblem(
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"\"}", token),
        400,
        "validation-failed");

    // Profiles without a kids cap need the owner's password in this sign-in.
    assertProblem(
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"Two\"}", token),
        403,
        "reauthentication-required");
    reauthenticate(token);
    for (String name : new String[] {"Two", "Three", "Four"}) {
      assertThat(
              api.postJson(
                      "/api/accounts/me/profiles",
                      "{\"name\":\"" + name + "\",\"maturityCap\":\"13+\"}",
                      token)
                  .status())
          .isEqualTo(201);
    }
    assertProblem(
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"Six\"}", token),
        409,
        "profile-limit");

    String kidsId = kids.json().getString("id");
    var renamed =
        api.patchJson(
            "/api/accounts/me/profiles/" + kidsId,
            "{\"name\":\"Little ones\",\"maturityCap\":\"ALL\"}",
            token);
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().getString("name")).isEqualTo("Little ones");
    assertThat(renamed.json().getString("maturityCap")).isEqualTo("ALL");

    assertThat(api.delete("/api/accounts/me/profiles/" + kidsId, token).status()).isEqualTo(204);
    // (re-authenticated above, within the window)
    assertThat(api.get("/api/accounts/me/profiles", token).array()).hasSize(4);
    assertProblem(
        api.delete("/api/accounts/me/profiles/" + kidsId, token), 404, "profile-not-found");
  }

  /**
   * The probe: a child holding the family's token on a shared device lifts their own cap, deletes
   * the profile or removes a device. Each needs the owner's password re-entered in this sign-in;
   * tightening a cap does not.
   */
  @Test
  void aKidsProfileCannotLiftItsOwnCapWithTheAccountsToken() {
    String token = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    String kids =
        api.postJson("/api/accounts/me/profiles", "{\"name\":\"Kids\",\"kids\":true}", token)
            .json()
            .getString("id");
    String tablet =
        api.postJson("/api/accounts/me/devices", "{\"name\":\"Tablet\",\"type\":\"TABLET\"}", token)
            .json()
            .getString("id");
    String path = "/api/accounts/me/profiles/" + kids;
    assertProblem(
        api.patchJson(path, "{\"maturityCap\":\"18+\",\"kids\":false}", token),
        403,
        "reauthentication-required");
    assertProblem(api.patchJson(path, "{\"kids\":false}", token), 403, "reauthentication-required");
    assertProblem(api.delete(path, token), 403, "reauthentication-required");
    assertProblem(
        api.delete("/api/accounts/me/devices/" + tablet, token), 403, "reauthentication-required");
    // Tightening and renaming need nothing.
    Api.Reply tighter = api.patchJson(path, "{\"name\":\"Little\",\"maturityCap\":\"ALL\"}", token);
    assertThat(tighter.status()).as(tighter.toString()).isEqualTo(200);
    assertThat(tighter.json().getString("maturityCap")).isEqualTo("ALL");
    // A wrong password is refused and counted like a failed sign-in.
    assertProblem(
        api.postJson("/api/accounts/me/reauthentication", "{\"password\":\"guess\"}", token),
        403,
        "wrong-password");
    assertProblem(api.patchJson(path, "{\"kids\":false}", token), 403, "reauthentication-required");

    reauthenticate(token);
    Api.Reply lifted = api.patchJson(path, "{\"kids\":false,\"maturityCap\":\"18+\"}", token);
    assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
    assertThat(lifted.json().getString("maturityCap")).isEqualTo("18+");
    assertThat(api.delete("/api/accounts/me/devices/" + tablet, token).status()).isEqualTo(204);
    // The step-up belongs to this sign-in: another sign-in of the account has none.
    String other =
        api.signIn(api.get("/api/accounts/me", token).json().getString("email"), PASSWORD)
            .getString("access_token");
    assertProblem(api.delete(path, other), 403, "reauthentication-required");
  }

  private void reauthenticate(String token) {
    Api.Reply confirmed =
        api.postJson(
            "/api/accounts/me/reauthentication", "{\"password\":\"" + PASSWORD + "\"}", token);
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.json().getString("until")).isNotBlank();
  }

  @Test
  void profilesOfAnotherAccountAreInvisible() {
    String alice = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    String bob = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    String aliceProfile =
        api.get("/api/accounts/me/profiles", alice).array().getJsonObject(0).getString("id");
    assertProblem(
        api.delete("/api/accounts/me/profiles/" + aliceProfile, bob), 404, "profile-not-found");
    assertProblem(
        api.patchJson("/api/accounts/me/profiles/" + aliceProfile, "{\"name\":\"Mine\"}", bob),
        404,
        "profile-not-found");
  }

  @Test
  void noDeviceChoosesItsOwnSecurityLevelOnlyAnAdministratorDoes() {
    String email = api.registerViewer(PASSWORD);
    String token = api.signIn(email, PASSWORD).getString("access_token");
    String accountId = api.get("/api/accounts/me", token).json().getString("id");
    // The probe that once got UHD keys: a TV that says it decrypts in hardware.
    assertProblem(
        api.postJson(
            "/api/accounts/me/devices",
            "{\"name\":\"TV\",\"type\":\"TV\",\"securityLevel\":\"HARDWARE\"}",
            token),
        400,
        "security-level-not-declarable");
    assertProblem(
        api.postJson(
            "/api/accounts/me/devices",
            "{\"name\":\"Chrome\",\"type\":\"web\",\"securityLevel\":\"HARDWARE\"}",
            token),
        400,
        "security-level-not-declarable");
    var tv =
        api.postJson(
            "/api/accounts/me/devices",
            "{\"name\":\"TV\",\"type\":\"TV\",\"securityLevel\":\"software\"}",
            token);
    assertThat(tv.status()).isEqualTo(201);
    assertThat(tv.json().getString("securityLevel")).isEqualTo("SOFTWARE");
    String tvId = tv.json().getString("id");
    String browserId =
        api.postJson("/api/accounts/me/devices", "{\"name\":\"Chrome\",\"type\":\"WEB\"}", token)
            .json()
            .getString("id");
    String level = "/api/admin/accounts/" + accountId + "/devices/" + tvId + "/security-level";
    String body = "{\"securityLevel\":\"HARDWARE\",\"reason\":\"Certified TV model\"}";

    // The viewer cannot promote their own device through the administrators' endpoint.
    assertThat(api.putJson(level, body, token).status()).isEqualTo(403);

    String admin = Viewers.admin(api);
    var marked = api.putJson(level, body, admin);
    assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
    assertThat(marked.json().getString("securityLevel")).isEqualTo("HARDWARE");
    assertThat(api.get("/api/accounts/me/devices", token).array())
        .extracting(d -> d.asJsonObject().getString("securityLevel"))
        .containsExactlyInAnyOrder("HARDWARE", "SOFTWARE");
    var history = api.get(level + "/history", admin).array();
    assertThat(history).hasSize(1);
    assertThat(history.getJsonObject(0).getString("previous")).isEqualTo("SOFTWARE");
    assertThat(history.getJsonObject(0).getString("level")).isEqualTo("HARDWARE");
    assertThat(history.getJsonObject(0).getString("reason")).isEqualTo("Certified TV model");
    assertThat(history.getJsonObject(0).getString("changedBy"))
        .isEqualTo(api.get("/api/accounts/me", admin).json().getString("id"));

    // A browser decrypts in software whoever says otherwise.
    assertProblem(
        api.putJson(
            "/api/admin/accounts/" + accountId + "/devices/" + browserId + "/security-level",
            body,
            admin),
        409,
        "software-only-device");
    assertProblem(
        api.putJson(level, "{\"securityLevel\":\"HARDWARE\"}", admin), 400, "validation-failed");

    assertProblem(
        api.postJson(
            "/api/accounts/me/devices", "{\"name\":\"Fridge\",\"type\":\"FRIDGE\"}", token),
        400,
        "validation-failed");
    assertProblem(
        api.postJson("/api/accounts/me/devices", "{\"type\":\"TV\"}", token),
        400,
        "validation-failed");
    assertThat(api.get("/api/accounts/me/devices", token).array()).hasSize(2);
  }

  @Test
  void removingADeviceSignsItOut() {
    String email = api.registerViewer(PASSWORD);
    String phone = api.signIn(email, PASSWORD).getString("access_token");
    String deviceId =
        api.postJson(
                "/api/accounts/me/devices", "{\"name\":\"Old tablet\",\"type\":\"TABLET\"}", phone)
            .json()
            .getString("id");

    var onTablet = api.passwordGrant("marquee-web", email, PASSWORD, deviceId);
    assertThat(onTablet.status()).isEqualTo(200);
    assertThat(onTablet.json().getString("device_id")).isEqualTo(deviceId);
    String tabletToken = onTablet.json().getString("access_token");
    assertThat(api.get("/api/accounts/me", tabletToken).status()).isEqualTo(200);

    reauthenticate(phone);
    assertThat(api.delete("/api/accounts/me/devices/" + deviceId, phone).status()).isEqualTo(204);
    assertProblem(api.get("/api/accounts/me", tabletToken), 401, "unauthenticated");
    assertProblem(
        api.refresh(onTablet.json().getString("refresh_token")), 400, "oauth-invalid-grant");
    assertThat(api.get("/api/accounts/me", phone).status()).isEqualTo(200);
    // A removed device cannot be signed into again.
    assertProblem(
        api.passwordGrant("marquee-web", email, PASSWORD, deviceId), 400, "oauth-invalid-request");
  }
}
