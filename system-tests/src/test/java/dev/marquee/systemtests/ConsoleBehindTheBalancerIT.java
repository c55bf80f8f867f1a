package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With two servers behind the load balancer, a browser keeps to the server that holds its console
 * session (the one part of Marquee that lives in one server's memory, ADR 19), while the API stays
 * without stickiness (ADR 21).
 */
@ExtendWith(TwoServers.class)
class ConsoleBehindTheBalancerIT {
  private static final String PAGE = "/console/sign-in.xhtml";

  @Test
  void aBrowserKeepsToTheServerHoldingItsConsoleSessionAndTheApiSticksToNone() {
    Api api = TwoServers.api();
    Api.Reply first = api.get(PAGE);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    List<String> cookies = first.raw().headers().allValues("Set-Cookie");
    String server = cookie(cookies, "MARQUEE_SERVER");
    String session = cookie(cookies, "MARQUEE_CONSOLE");
    assertThat(server).as("the balancer's cookie in %s", cookies).isNotNull();
    assertThat(session).as("the console's session cookie in %s", cookies).isNotNull();

    // With both cookies every request reaches the server that knows the session: none starts one.
    String both = "MARQUEE_SERVER=" + server + "; MARQUEE_CONSOLE=" + session;
    for (int i = 0; i < 6; i++) {
      Api.Reply again = api.send("GET", PAGE, null, Map.of("Cookie", both));
      assertThat(again.status()).isEqualTo(200);
      assertThat(cookie(again.raw().headers().allValues("Set-Cookie"), "MARQUEE_CONSOLE"))
          .as("request %d reached a server without the session", i)
          .isNull();
    }
    // Without the balancer's cookie, round robin also reaches the other server, which has no such
    // session and starts one: what every other console request would do without stickiness.
    int sessionsStarted = 0;
    for (int i = 0; i < 4; i++) {
      Api.Reply alone = api.send("GET", PAGE, null, Map.of("Cookie", "MARQUEE_CONSOLE=" + session));
      if (cookie(alone.raw().headers().allValues("Set-Cookie"), "MARQUEE_CONSOLE") != null) {
        sessionsStarted++;
      }
    }
    assertThat(sessionsStarted).isPositive();

    // The API, manifests and segments never get the balancer's cookie.
    Api.Reply info = api.get("/api/platform/info");
    assertThat(info.status()).isEqualTo(200);
    assertThat(info.raw().headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("MARQUEE_SERVER="));
  }

  /** The value of cookie {@code name} among Set-Cookie headers, or null. */
  private static String cookie(List<String> setCookies, String name) {
    return setCookies.stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
        .findFirst()
        .orElse(null);
  }
}
