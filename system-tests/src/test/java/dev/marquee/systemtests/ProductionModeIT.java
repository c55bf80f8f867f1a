package dev.marquee.systemtests;

import static dev.marquee.systemtests.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What changes when an operator sets {@code MARQUEE_MODE=production}: the viewer's region comes
 * only from the trusted edge's country header, never from the country a viewer chose for the
 * account, so a region-restricted title is refused without that header; metrics and the OpenAPI
 * document are for operators and admins only (ADR 32). Restarts the shared server in production
 * mode and back, so it runs late.
 */
@ExtendWith(RunningMarquee.class)
@Order(Integer.MAX_VALUE - 2)
class ProductionModeIT {
  @TempDir Path folder;
  private final Api api = RunningMarquee.api();

  @Test
  void inProductionOnlyTheEdgesCountryHeaderOpensARegionRestrictedTitle() throws Exception {
    Path master = folder.resolve("master.mp4");
    new SyntheticMaster(160, 90, 25, 1, false, List.of()).writeTo(master);
    String creator = Creators.newCreator(api);
    // Licensed in GB and IE only.
    String title = Creators.ingest(api, creator, master);
    Creators.awaitPublished(api, creator, title, Duration.ofMinutes(4));

    // A viewer who told Marquee they live in GB; the device is a browser.
    String email = "production-" + UUID.randomUUID() + "@example.com";
    Api.Reply registered =
        api.postJson(
            "/api/accounts",
            Json.createObjectBuilder()
                .add("email", email)
                .add("password", Viewers.PASSWORD)
                .add("country", "GB")
                .build()
                .toString());
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String token = api.signIn(email, Viewers.PASSWORD).getString("access_token");
    String profile =
        api.get("/api/accounts/me/profiles", token).array().getJsonObject(0).getString("id");
    String device = Viewers.device(api, token, "WEB", null);
    String accountId = api.get("/api/accounts/me", token).json().getString("id");
    assertThat(
            api.putJson(
                    "/api/admin/accounts/" + accountId + "/subscription",
                    "{\"plan\":\"SD\",\"days\":30}",
                    Viewers.admin(api))
                .status())
        .isEqualTo(200);

    String operator = MatrixFixtures.withRole(api, "operator");
    // Development: Liberty's own endpoints answer anyone.
    assertThat(api.get("/metrics").status()).isEqualTo(200);
    assertThat(api.get("/openapi").status()).isEqualTo(200);

    // Development (the test stack's mode): the account's country stands in for the edge's.
    Api.Reply development = start(token, profile, device, title, Map.of());
    assertThat(development.status()).as(development.toString()).isEqualTo(201);
    stop(token, development);

    var liberty = RunningMarquee.stack().liberty();
    try {
      restart("production");
      // Without the edge's header the self-chosen country counts for nothing: refused.
      assertProblem(start(token, profile, device, title, Map.of()), 403, "region-unknown");
      // The edge says FR: not licensed there, whatever the account says.
      assertProblem(
          start(token, profile, device, title, Map.of("X-Viewer-Country", "FR")),
          403,
          "region-blocked");
      // The edge says GB: played.
      Api.Reply fromGb = start(token, profile, device, title, Map.of("X-Viewer-Country", "GB"));
      assertThat(fromGb.status()).as(fromGb.toString()).isEqualTo(201);
      stop(token, fromGb);
      // The stack runs batch jobs as the service user, so production is ready (see ADR 13).
      assertThat(api.get("/health/ready").body()).contains("batch-identity");
      managementEndpointsAreForOperatorsOnly(token, operator);
      // Behind a balancer or edge the Host header names the public host, not this server's port.
      for (String host : List.of("marquee.example.com", "marquee.example.com:443")) {
        assertThat(statusLine("/api/platform/info", host)).as(host).contains(" 200 ");
      }
    } finally {
      liberty.environment("MARQUEE_MODE", "development");
      restart("development");
    }
  }

  /** The status line of a GET sent as a balancer forwards it, with the public Host header. */
  private String statusLine(String path, String host) throws Exception {
    URI base = URI.create(api.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  /** Production: metrics and OpenAPI refuse anonymous callers and viewers; the JWKS is public. */
  private void managementEndpointsAreForOperatorsOnly(String viewer, String operator) {
    for (String path : List.of("/metrics", "/openapi", "/openapi/ui/")) {
      assertProblem(api.get(path), 401, "unauthenticated");
      assertProblem(api.get(path, viewer), 403, "forbidden");
      String[] parts = operator.split("\\.");
      String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(8) + "AAAAAAAA";
      assertProblem(api.get(path, forged), 401, "unauthenticated");
    }
    // A dot segment after the public health path does not carry a protected path past the check.
    for (String path : List.of("/health/../metrics", "/health/../openapi?format=JSON")) {
      Api.Reply sneaked = api.get(path);
      // The management servlet refuses a path that differs from the one the container mapped.
      assertProblem(sneaked, 400, "invalid-path");
      assertThat(sneaked.body()).doesNotContain("# TYPE").doesNotContain("\"paths\"");
    }
    Api.Reply metrics = api.get("/metrics", operator);
    assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");
    Api.Reply document = api.get("/openapi?format=JSON", operator);
    assertThat(document.status()).as(document.toString()).isEqualTo(200);
    assertThat(document.json().getJsonObject("paths").containsKey("/api/oauth/jwks")).isTrue();
    Api.Reply ui = api.get("/openapi/ui/", operator);
    assertThat(ui.status()).as(ui.toString()).isEqualTo(200);
    assertThat(ui.body()).containsIgnoringCase("<html");
    Api.Reply asAdmin = api.get("/metrics", Viewers.admin(api));
    assertThat(asAdmin.status()).as(asAdmin.toString()).isEqualTo(200);
    // The keys that verify tokens stay public, as do the health checks load balancers call.
    Api.Reply jwks = api.get("/api/oauth/jwks");
    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.json().getJsonArray("keys")).isNotEmpty();
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
  }

  private Api.Reply start(
      String token, String profile, String device, String title, Map<String, String> edge) {
    Map<String, String> headers = new java.util.HashMap<>(edge);
    headers.put("Authorization", "Bearer " + token);
    headers.put("Content-Type", "application/json");
    return api.send(
        "POST",
        "/api/playback/sessions",
        Json.createObjectBuilder()
            .add("titleId", title)
            .add("profileId", profile)
            .add("deviceId", device)
            .build()
            .toString(),
        headers);
  }

  private void stop(String token, Api.Reply started) {
    assertThat(
            api.delete("/api/playback/sessions/" + started.json().getString("sessionId"), token)
                .status())
        .isEqualTo(204);
  }

  private static void restart(String mode) throws Exception {
    var liberty = RunningMarquee.stack().liberty();
    liberty.stop();
    liberty.environment("MARQUEE_MODE", mode);
    // Production moves Liberty's own endpoints to a loopback management port (ADR 32).
    liberty.environment("MANAGEMENT_HTTP_PORT", Integer.toString(RunningMarquee.freePort()));
    liberty.start();
    liberty.awaitReady(Duration.ofMinutes(3));
  }
}
