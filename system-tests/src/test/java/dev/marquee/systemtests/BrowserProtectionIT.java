package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a browser is told to enforce: every page and API answer carries a Content-Security-Policy
 * without inline script, may not be framed, is not sniffed, and sends no referrer; the pages
 * themselves hold no inline script or style for the policy to forbid.
 */
@ExtendWith(RunningMarquee.class)
class BrowserProtectionIT {
  private final Api api = RunningMarquee.api();

  @Test
  void pagesAllowScriptsFromThisOriginOnlyAndCannotBeFramed() {
    for (String page : List.of("/", "/player/", "/activate.html")) {
      Api.Reply reply = api.get(page);
      assertThat(reply.status()).as(page).isEqualTo(200);
      String csp = reply.header("Content-Security-Policy").orElseThrow();
      assertThat(csp)
          .as(page)
          .contains("script-src 'self'")
          .contains("frame-ancestors 'none'")
          .contains("object-src 'none'")
          .doesNotContain("unsafe-inline")
          .doesNotContain("unsafe-eval");
      assertThat(reply.header("X-Content-Type-Options")).as(page).contains("nosniff");
      assertThat(reply.header("Referrer-Policy")).as(page).contains("no-referrer");
      // Over plain HTTP there is nothing to pin yet.
      assertThat(reply.header("Strict-Transport-Security")).as(page).isEmpty();
      assertThat(reply.body())
          .as("%s holds no inline script or style", page)
          .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
          .doesNotContain("<style")
          .doesNotContain(" style=\"")
          .doesNotContainPattern("\\son[a-z]+=\"");
    }
  }

  @Test
  void apiAnswersAreDataNeverDocuments() {
    Api.Reply reply = api.get("/api/platform/info");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Security-Policy"))
        .contains("default-src 'none'; frame-ancestors 'none'");
    assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
    Api.Reply problem = api.get("/api/accounts/me");
    assertThat(problem.status()).isEqualTo(401);
    assertThat(problem.header("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void behindATrustedProxyThatTerminatedTlsPagesPinHttps() {
    Api.Reply reply =
        api.send("GET", "/player/", null, java.util.Map.of("X-Forwarded-Proto", "https"));
    assertThat(reply.header("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
  }
}
