package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile client tried against a running server, over HTTP as it sent it: password guessing
 * against one account and from one address, mass registration, device-code floods and user-code
 * guessing (RFC 8628 section 5.1), report and like floods, and a burst of parallel sign-ins that
 * once could exhaust the heap with Argon2id's memory. Each limit answers 429 problem JSON with
 * Retry-After; the server stays healthy.
 */
@ExtendWith(RunningMarquee.class)
class RateLimitIT {
  private static final String PASSWORD = "no guessing allowed here";
  private final Api api = RunningMarquee.api();

  private static void assertLimited(Api.Reply reply) {
    assertProblem(reply, 429, "rate-limited");
    long retry = Long.parseLong(reply.header("Retry-After").orElseThrow());
    assertThat(retry).isPositive();
    assertThat(reply.json().getJsonNumber("retryAfterSeconds").longValue()).isEqualTo(retry);
  }

  @Test
  void guessingOneAccountsPasswordStopsAfterTenFailuresAndLocksOnlyThatAccount() {
    String email = api.registerViewer(PASSWORD);
    String other = api.registerViewer(PASSWORD);
    Api attacker = api.from(Api.randomAddress());
    for (int i = 0; i < 10; i++) {
      assertProblem(
          attacker.passwordGrant("marquee-web", email, "wrong guess " + i, null),
          401,
          "invalid-credentials");
    }
    Api.Reply limited = attacker.passwordGrant("marquee-web", email, "wrong guess 10", null);
    assertLimited(limited);
    assertThat(limited.json().getString("error")).isEqualTo("temporarily_unavailable");
    // From another address too: the limit belongs to the account, and even the right password
    // waits until the window ends (the attacker learns nothing from it).
    assertLimited(
        api.from(Api.randomAddress()).passwordGrant("marquee-web", email, PASSWORD, null));
    // Another account is not affected, and a successful sign-in counts nothing.
    for (int i = 0; i < 12; i++) {
      assertThat(attacker.passwordGrant("marquee-web", other, PASSWORD, null).status())
          .isEqualTo(200);
    }
  }

  @Test
  void oneAddressTryingManyAccountsStopsAfterFiftyFailures() {
    Api attacker = api.from(Api.randomAddress());
    for (int i = 0; i < 50; i++) {
      assertProblem(
          attacker.passwordGrant(
              "marquee-web", "nobody-" + UUID.randomUUID() + "@example.com", PASSWORD, null),
          401,
          "invalid-credentials");
    }
    assertLimited(
        attacker.passwordGrant(
            "marquee-web", "nobody-" + UUID.randomUUID() + "@example.com", PASSWORD, null));
    // Viewers elsewhere still sign in.
    String email = api.registerViewer(PASSWORD);
    assertThat(api.passwordGrant("marquee-web", email, PASSWORD, null).status()).isEqualTo(200);
  }

  @Test
  void oneAddressRegistersAtMostFiveAccountsAnHour() {
    Api attacker = api.from(Api.randomAddress());
    for (int i = 0; i < 5; i++) {
      assertThat(register(attacker).status()).isEqualTo(201);
    }
    assertLimited(register(attacker));
    assertThat(register(api).status()).isEqualTo(201);
  }

  @Test
  void oneAddressStartsAtMostTenDeviceAuthorizations() {
    Api tvFarm = api.from(Api.randomAddress());
    for (int i = 0; i < 10; i++) {
      assertThat(startDeviceAuthorization(tvFarm).status()).isEqualTo(200);
    }
    Api.Reply limited = startDeviceAuthorization(tvFarm);
    assertLimited(limited);
    assertThat(limited.json().getString("error")).isEqualTo("temporarily_unavailable");
  }

  @Test
  void guessingUserCodesStopsAfterFiveWrongCodesEvenForTheRightOne() {
    String token = api.signIn(api.registerViewer(PASSWORD), PASSWORD).getString("access_token");
    String realCode = startDeviceAuthorization(api).json().getString("user_code");
    Api guesser = api.from(Api.randomAddress());
    for (int i = 0; i < 5; i++) {
      assertProblem(
          approve(guesser, token, "ZZZZ-ZZZ" + "BCDFG".charAt(i)), 404, "unknown-user-code");
    }
    assertLimited(approve(guesser, token, realCode));
  }

  @Test
  void reportsAndLikesAreLimitedPerAccount() {
    Viewers.Viewer v = Viewers.newViewer(api, "WEB", null);
    String title = UUID.randomUUID().toString();
    for (int i = 0; i < 10; i++) {
      // An unknown title is refused after the report was counted: flooding costs the same.
      assertThat(report(v, title).status()).isEqualTo(404);
    }
    assertLimited(report(v, title));

    String like = "/api/catalog/likes/" + title + "?profileId=" + v.profileId();
    long firstLike = System.nanoTime();
    for (int i = 0; i < 60; i++) {
      Api.Reply r = api.put(like, v.token());
      assertThat(r.status()).as(r.toString()).isEqualTo(404);
    }
    Api.Reply limited = api.put(like, v.token());
    long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - firstLike) + 1;
    assertLimited(limited);
    // The minute is the account's own, from its first like, not the clock's: the 61 likes are
    // refused whenever a round minute falls among them, and the wait is what is left of it.
    assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow()))
        .isBetween(60 - elapsed, 60L);
  }

  /**
   * 200 sign-ins at once, each from its own address, half of them to one account: every answer is
   * one a client can act on (200, 401 for unknown emails, 429 for the account's guesses in flight
   * beyond its limit, 503 with Retry-After when the hash queue is full), never a server error; the
   * burst leaves nothing counted against the account, the server is ready, and the viewer signs in
   * normally.
   */
  @Test
  void twoHundredParallelSignInsLeaveTheServerHealthy() {
    String email = api.registerViewer(PASSWORD);
    // 200 clients: 200 connections (HTTP/1.1), not 200 streams multiplexed on one.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String user = i % 2 == 0 ? email : "nobody-" + i + "@example.com";
      String form =
          "grant_type=password&client_id=marquee-web&username="
              + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8)
              + "&password="
              + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
      answers.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/oauth/token"))
                  .timeout(Duration.ofSeconds(120))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-Forwarded-For", Api.randomAddress())
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (var answer : answers) {
      HttpResponse<String> r = answer.join();
      statuses.merge(r.statusCode(), 1, Integer::sum);
      if (r.statusCode() == 503 || r.statusCode() == 429) {
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body())
            .contains(r.statusCode() == 503 ? "/problems/sign-in-busy" : "/problems/rate-limited");
      }
    }
    System.out.println("200 parallel sign-ins answered: " + statuses);
    assertThat(statuses.keySet()).isSubsetOf(200, 401, 429, 503);
    assertThat(statuses.get(200)).as("the account's sign-ins in %s", statuses).isPositive();
    assertThat(statuses.get(401)).as("unknown emails in %s", statuses).isPositive();
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
    assertThat(api.passwordGrant("marquee-web", email, PASSWORD, null).status()).isEqualTo(200);
  }

  private static Api.Reply register(Api client) {
    return client.postJson(
        "/api/accounts",
        Json.createObjectBuilder()
            .add("email", "flood-" + UUID.randomUUID() + "@example.com")
            .add("password", PASSWORD)
            .build()
            .toString());
  }

  private static Api.Reply startDeviceAuthorization(Api client) {
    return client.postForm(
        "/api/oauth/device_authorization",
        Map.of("client_id", "marquee-tv", "device_name", "Box", "device_type", "TV"));
  }

  private static Api.Reply approve(Api client, String token, String code) {
    return client.postJson(
        "/api/oauth/device/approvals",
        "{\"userCode\":\"" + code + "\",\"decision\":\"approve\"}",
        token);
  }

  private Api.Reply report(Viewers.Viewer v, String title) {
    return api.postJson(
        "/api/catalog/reports",
        Json.createObjectBuilder()
            .add("titleId", title)
            .add("profileId", v.profileId())
            .add("reason", "ABUSIVE")
            .add("text", "flood")
            .build()
            .toString(),
        v.token());
  }
}
