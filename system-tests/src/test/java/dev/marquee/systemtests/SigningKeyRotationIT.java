package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.Keystores;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator rotates the access-token signing key as the README says: adds the next key, switches
 * signing to it, removes the previous one once its tokens have expired. Tokens signed with either
 * key verify while both are published. Also: a configured HMAC secret shorter than 32 bytes keeps
 * the server not ready, naming the variable. Restarts Liberty, so it runs late.
 */
@ExtendWith(RunningMarquee.class)
@Order(Integer.MAX_VALUE - 5)
class SigningKeyRotationIT {
  private static final String PASSWORD = "a very long passphrase";
  private final Api api = RunningMarquee.api();

  @Test
  void tokensOfThePreviousKeyVerifyUntilItIsRemovedAndNewTokensUseTheNextKey() throws Exception {
    var liberty = RunningMarquee.stack().liberty();
    Path secrets = RunningMarquee.stack().home().resolve("secrets");
    String password = liberty.environment("JWT_SIGNING_KEYSTORE_PASSWORD");
    String previous = liberty.environment("JWT_SIGNING_KEY_ALIAS");
    String next = "signing-rotated";
    String email = api.registerViewer(PASSWORD);
    String oldToken = api.signIn(email, PASSWORD).getString("access_token");
    String oldKid = kid(oldToken);
    assertThat(jwksKids()).containsExactly(oldKid);

    // 1. The next key joins the keystore: published at once, not yet signing.
    Keystores.addSigningKey(secrets, password, next);
    restart();
    List<String> both = jwksKids();
    assertThat(both).hasSize(2).contains(oldKid);
    String nextKid = both.stream().filter(k -> !k.equals(oldKid)).findFirst().orElseThrow();
    assertThat(kid(api.signIn(email, PASSWORD).getString("access_token"))).isEqualTo(oldKid);
    assertThat(api.get("/api/accounts/me", oldToken).status()).isEqualTo(200);

    // 2. Signing switches to the next key; tokens of the previous one still verify.
    liberty.environment("JWT_SIGNING_KEY_ALIAS", next);
    restart();
    String newToken = api.signIn(email, PASSWORD).getString("access_token");
    assertThat(kid(newToken)).isEqualTo(nextKid);
    assertThat(api.get("/api/accounts/me", newToken).status()).isEqualTo(200);
    assertThat(api.get("/api/accounts/me", oldToken).status()).isEqualTo(200);
    assertThat(jwksKids()).containsExactlyInAnyOrder(oldKid, nextKid);

    // 3. Once the previous key's tokens have expired it is removed: they no longer verify.
    Keystores.removeSigningKey(secrets, password, previous);
    restart();
    assertThat(jwksKids()).containsExactly(nextKid);
    assertProblem(api.get("/api/accounts/me", oldToken), 401, "unauthenticated");
    assertThat(api.get("/api/accounts/me", newToken).status()).isEqualTo(200);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(secrets.resolve(Keystores.SIGNING))))
        .isEqualTo("rw-------");
  }

  @Test
  void aShortHmacSecretKeepsTheServerNotReadyNamingTheVariable() throws Exception {
    var liberty = RunningMarquee.stack().liberty();
    String good = liberty.environment("MARQUEE_ORIGIN_SECRET");
    assertThat(good.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isGreaterThanOrEqualTo(32);
    try {
      liberty.stop();
      // 31 bytes: one short of the minimum.
      liberty.environment("MARQUEE_ORIGIN_SECRET", "x".repeat(31));
      liberty.start();
      String answer = awaitReadinessNaming("MARQUEE_ORIGIN_SECRET", Duration.ofMinutes(3));
      assertThat(answer).startsWith("503 ").contains("\"secrets\"").contains("at least 32");
      assertThat(Files.readString(liberty.logFile()))
          .contains("MARQUEE_ORIGIN_SECRET holds 31 bytes");
    } finally {
      liberty.stop();
      liberty.environment("MARQUEE_ORIGIN_SECRET", good);
      liberty.start();
      liberty.awaitReady(Duration.ofMinutes(3));
    }
  }

  /** Polls /health/ready until its answer names {@code variable}; returns "status body". */
  private static String awaitReadinessNaming(String variable, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create(RunningMarquee.stack().baseUrl() + "/health/ready");
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> reply =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        last = reply.statusCode() + " " + reply.body();
        assertThat(reply.statusCode())
            .as("readiness with a short secret: %s", last)
            .isNotEqualTo(200);
        if (reply.body().contains(variable)) {
          return last;
        }
      } catch (java.io.IOException notListeningYet) {
        last = notListeningYet.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Readiness never named " + variable + "; last: " + last);
  }

  private List<String> jwksKids() {
    Api.Reply reply = api.get("/api/oauth/jwks");
    assertThat(reply.status()).isEqualTo(200);
    return reply.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
        .map(k -> k.getString("kid"))
        .toList();
  }

  private static String kid(String token) {
    return SigningKeysIT.header(token).getString("kid");
  }

  private static void restart() throws Exception {
    var liberty = RunningMarquee.stack().liberty();
    liberty.stop();
    liberty.start();
    liberty.awaitReady(Duration.ofMinutes(3));
  }
}
