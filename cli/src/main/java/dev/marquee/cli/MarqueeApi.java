package dev.marquee.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Marquee's HTTP API through the JDK's own client. Signed-in calls carry the stored access token,
 * refreshed first when it has expired (the refresh token rotates, so the new pair is stored at
 * once); a 401 on a token thought valid (revoked, or the clock was wrong) refreshes once and
 * retries. Any other 4xx or 5xx becomes a {@link ServerProblem}.
 */
public final class MarqueeApi {
  public static final String CLIENT_ID = "marquee-cli";

  private final String server;
  private final CredentialStore store;
  private final Clock clock;
  private final HttpClient http;

  public MarqueeApi(String server, CredentialStore store, Clock clock) {
    this.server = normalize(server);
    this.store = store;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** The address without a trailing slash, so that it keys the stored sign-in one way. */
  public static String normalize(String server) {
    String s = server.strip();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(s);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCode.USAGE, "--server " + server + " is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new CliFailure(ExitCode.USAGE, "--server " + server + " is not an http(s) URL");
    }
    return s;
  }

  public String server() {
    return server;
  }

  public Clock clock() {
    return clock;
  }

  public CredentialStore store() {
    return store;
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofMinutes(10));
  }

  /** An unauthenticated form POST (the OAuth endpoints); the answer whatever its status. */
  public HttpResponse<String> postForm(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** A signed-in call; returns the body of a 2xx answer, throws a {@link ServerProblem} else. */
  public String call(HttpRequest.Builder request) {
    Credentials credentials = signIn();
    HttpResponse<String> reply = send(authorized(request, credentials));
    if (reply.statusCode() == 401 && credentials.refreshToken() != null) {
      reply = send(authorized(request, refresh(credentials)));
    }
    if (reply.statusCode() == 401) {
      throw CliFailure.notLoggedIn(server);
    }
    if (reply.statusCode() >= 400) {
      throw ServerProblem.of(reply.statusCode(), reply.body());
    }
    return reply.body();
  }

  public String get(String path) {
    return call(request(path).header("Accept", "application/json").GET());
  }

  /** The stored sign-in, refreshed if its access token has expired. */
  public Credentials signIn() {
    Credentials credentials = store.find(server).orElseThrow(() -> CliFailure.notLoggedIn(server));
    return credentials.expired(clock) ? refresh(credentials) : credentials;
  }

  private Credentials refresh(Credentials old) {
    if (old.refreshToken() == null) {
      throw CliFailure.notLoggedIn(server);
    }
    HttpResponse<String> reply =
        postForm(
            "/api/oauth/token",
            Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                CLIENT_ID,
                "refresh_token",
                old.refreshToken()));
    if (reply.statusCode() == 400 || reply.statusCode() == 401) {
      // invalid_grant: the refresh token expired, was revoked or was used already.
      store.remove(server);
      throw CliFailure.notLoggedIn(server);
    }
    if (reply.statusCode() >= 400) {
      throw ServerProblem.of(reply.statusCode(), reply.body());
    }
    Credentials fresh =
        Credentials.fromTokenResponse(server, Json.parseObject(reply.body()), clock.instant());
    store.save(fresh);
    return fresh;
  }

  private static HttpRequest authorized(HttpRequest.Builder request, Credentials credentials) {
    return request.copy().setHeader("Authorization", "Bearer " + credentials.accessToken()).build();
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new CliFailure(ExitCode.LOCAL, "cannot reach " + server + " (connection refused)", e);
    } catch (IOException e) {
      throw new CliFailure(
          ExitCode.LOCAL, "lost the connection to " + server + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCode.LOCAL, "interrupted", e);
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
