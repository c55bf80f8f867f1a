package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningMarquee.class)
class TokenIT {
  private static final String PASSWORD = "a very long passphrase";
  private final Api api = RunningMarquee.api();

  @Test
  void passwordGrantIssuesAShortLivedSignedJwtThatOpensTheApi() {
    String email = api.registerViewer(PASSWORD);
    var reply = api.passwordGrant("marquee-web", email, PASSWORD, null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Cache-Control")).hasValue("no-store");
    var tokens = reply.json();
    assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
    assertThat(tokens.getJsonNumber("expires_in").longValue()).isBetween(60L, 3600L);
    assertThat(tokens.getString("refresh_token")).hasSizeGreaterThan(40);

    String[] jwt = tokens.getString("access_token").split("\\.");
    assertThat(jwt).hasSize(3);
    String header = new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8);
    String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
    assertThat(header).contains("\"RS256\"");
    assertThat(claims)
        .contains("\"groups\":[\"viewer\"]")
        .contains("\"upn\":\"" + email + "\"")
        .contains("\"sid\"");

    assertThat(
            api.get("/api/accounts/me", tokens.getString("access_token")).json().getString("email"))
        .isEqualTo(email);
  }

  @Test
  void badCredentialsAre401WithoutSayingWhichPartWasWrong() {
    String email = api.registerViewer(PASSWORD);
    var wrongPassword =
        assertProblem(
            api.passwordGrant("marquee-web", email, "not the password", null),
            401,
            "invalid-credentials");
    var unknownEmail =
        assertProblem(
            api.passwordGrant("marquee-web", "nobody-" + email, PASSWORD, null),
            401,
            "invalid-credentials");
    assertThat(wrongPassword.json().getString("detail"))
        .isEqualTo(unknownEmail.json().getString("detail"));
    assertThat(wrongPassword.json().getString("error")).isEqualTo("invalid_grant");
  }

  @Test
  void tokenEndpointNamesEachMalformedRequest() {
    assertProblem(
        api.postForm("/api/oauth/token", Map.of("client_id", "marquee-web")),
        400,
        "oauth-invalid-request");
    assertProblem(
        api.postForm(
            "/api/oauth/token",
            Map.of("grant_type", "client_credentials", "client_id", "marquee-web")),
        400,
        "oauth-unsupported-grant-type");
    assertProblem(
        api.passwordGrant("no-such-client", "a@example.com", PASSWORD, null),
        401,
        "oauth-invalid-client");
    assertProblem(
        api.passwordGrant("marquee-tv", "a@example.com", PASSWORD, null),
        400,
        "oauth-unauthorized-client");
    assertProblem(
        api.postForm(
            "/api/oauth/token", Map.of("grant_type", "password", "client_id", "marquee-web")),
        400,
        "oauth-invalid-request");
  }

  @Test
  void refreshTokensRotateAndReuseRevokesTheWholeSignIn() {
    String email = api.registerViewer(PASSWORD);
    var first = api.signIn(email, PASSWORD);

    var rotated = api.refresh(first.getString("refresh_token"));
    assertThat(rotated.status()).isEqualTo(200);
    String secondRefresh = rotated.json().getString("refresh_token");
    String secondAccess = rotated.json().getString("access_token");
    assertThat(secondRefresh).isNotEqualTo(first.getString("refresh_token"));
    assertThat(api.get("/api/accounts/me", secondAccess).status()).isEqualTo(200);

    // The first refresh token was used once already: presenting it again looks like theft.
    var replay =
        assertProblem(api.refresh(first.getString("refresh_token")), 400, "oauth-invalid-grant");
    assertThat(replay.json().getString("detail")).contains("already used");

    // So the whole family is revoked: the newest refresh token and the access tokens too.
    assertProblem(api.refresh(secondRefresh), 400, "oauth-invalid-grant");
    assertProblem(api.get("/api/accounts/me", secondAccess), 401, "unauthenticated");
    assertProblem(
        api.get("/api/accounts/me", first.getString("access_token")), 401, "unauthenticated");

    // Other sign-ins of the same account are untouched.
    var other = api.signIn(email, PASSWORD);
    assertThat(api.get("/api/accounts/me", other.getString("access_token")).status())
        .isEqualTo(200);
  }

  @Test
  void logoutRevokesAccessAndRefreshTokensOfThatSignInOnly() {
    String email = api.registerViewer(PASSWORD);
    var phone = api.signIn(email, PASSWORD);
    var laptop = api.signIn(email, PASSWORD);

    assertThat(api.post("/api/oauth/logout", phone.getString("access_token")).status())
        .isEqualTo(204);

    // Both kinds of operation (ADR 48): /me takes its caller from the token alone, the
    // recommendations log the caller in to the container first (and then want a profile).
    for (String path : List.of("/api/accounts/me", "/api/catalog/recommendations")) {
      assertProblem(api.get(path, phone.getString("access_token")), 401, "unauthenticated");
    }
    assertThat(api.get("/api/accounts/me", laptop.getString("access_token")).status())
        .isEqualTo(200);
    assertProblem(
        api.get("/api/catalog/recommendations", laptop.getString("access_token")),
        400,
        "profile-required");
    assertProblem(api.refresh(phone.getString("refresh_token")), 400, "oauth-invalid-grant");
  }

  /**
   * Concurrent calls share their revocation reads (ADR 48): calls of live and revoked sign-ins
   * arriving together must each still get the answer of their own sign-in.
   */
  @Test
  void concurrentCallsOfLiveAndRevokedSignInsEachGetTheirOwnAnswer() throws Exception {
    String email = api.registerViewer(PASSWORD);
    List<String> live = new ArrayList<>();
    List<String> revoked = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String token = api.signIn(email, PASSWORD).getString("access_token");
      if (i % 2 == 0) {
        live.add(token);
      } else {
        assertThat(api.post("/api/oauth/logout", token).status()).isEqualTo(204);
        revoked.add(token);
      }
    }
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> calls = new ArrayList<>();
      for (int i = 0; i < 160; i++) {
        boolean isLive = i % 2 == 0;
        String token = (isLive ? live : revoked).get((i / 2) % 2);
        // The recommendations, past authentication, want a profile: 400 for a live sign-in.
        String path = i % 3 == 0 ? "/api/catalog/recommendations" : "/api/accounts/me";
        int expected = !isLive ? 401 : path.endsWith("me") ? 200 : 400;
        calls.add(
            callers.submit(
                () -> {
                  int status = api.get(path, token).status();
                  return status == expected ? null : path + " answered " + status;
                }));
      }
      List<String> wrong = new ArrayList<>();
      for (Future<String> call : calls) {
        String failure = call.get(60, TimeUnit.SECONDS);
        if (failure != null) {
          wrong.add(failure);
        }
      }
      assertThat(wrong).isEmpty();
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void rfc7009RevocationEndsTheSignIn() {
    String email = api.registerViewer(PASSWORD);
    var tokens = api.signIn(email, PASSWORD);
    var revoked =
        api.postForm(
            "/api/oauth/revoke",
            Map.of("token", tokens.getString("refresh_token"), "client_id", "marquee-web"));
    assertThat(revoked.status()).isEqualTo(200);
    assertProblem(api.refresh(tokens.getString("refresh_token")), 400, "oauth-invalid-grant");
    // Unknown tokens are not an error (RFC 7009 section 2.2).
    assertThat(
            api.postForm(
                    "/api/oauth/revoke", Map.of("token", "unknown", "client_id", "marquee-web"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void missingTamperedOrForeignTokensAre401ProblemJson() {
    String email = api.registerViewer(PASSWORD);
    String token = api.signIn(email, PASSWORD).getString("access_token");

    assertProblem(api.get("/api/accounts/me"), 401, "unauthenticated");
    // Bearer calls stay stateless: the server keeps no session and sets no cookie for them.
    Api.Reply me = api.get("/api/accounts/me", token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.header("Set-Cookie")).isEmpty();

    // Same header and signature, claims changed to make the caller an admin.
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = claims.replace("\"groups\":[\"viewer\"]", "\"groups\":[\"admin\",\"viewer\"]");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertProblem(api.get("/api/admin/accounts", tampered), 401, "unauthenticated");
    Api.Reply refused =
        assertProblem(api.get("/api/accounts/me", tampered), 401, "unauthenticated");
    // RFC 6750 section 3: the refusal says the token is the problem, and why, without quoting it.
    assertThat(refused.json().getString("detail"))
        .isEqualTo("The bearer token's signature does not verify.");
    assertThat(refused.body()).doesNotContain(parts[1]).doesNotContain(parts[2]);

    assertThat(
            assertProblem(api.get("/api/accounts/me", "not-a-jwt"), 401, "unauthenticated")
                .json()
                .getString("detail"))
        .isEqualTo("The bearer token is not a signed JWT.");
    // A bad token is refused on a public operation too: a client learns its token is broken.
    assertProblem(api.get("/api/catalog/search?q=night", "not-a-jwt"), 401, "unauthenticated");
  }
}
