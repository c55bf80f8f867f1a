package dev.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerProblemTest {
  @Test
  void aProblemBecomesOneLineNamingDetailTypeAndStatus() {
    var problem =
        ServerProblem.of(
            422,
            "{\"type\":\"/problems/checksum-mismatch\",\"title\":\"Unprocessable\","
                + "\"status\":422,\"detail\":\"The master's SHA-256 is not\\nthe one announced.\"}");
    assertThat(problem.getMessage())
        .isEqualTo("The master's SHA-256 is not the one announced. (checksum-mismatch, HTTP 422)");
    assertThat(problem.exitCode()).isEqualTo(ExitCode.SERVER_PROBLEM);
    assertThat(problem.type()).isEqualTo("checksum-mismatch");
    assertThat(problem.toJson().getJsonObject("error").getJsonObject("problem").getInt("status"))
        .isEqualTo(422);
  }

  @Test
  void oauthErrorsAreReadAndAPageThatIsNoProblemStillNamesTheStatus() {
    assertThat(
            ServerProblem.of(400, "{\"type\":\"/problems/oauth\",\"error\":\"slow_down\"}")
                .oauthError())
        .isEqualTo("slow_down");
    var html = ServerProblem.of(502, "<html><body>Bad gateway</body></html>");
    assertThat(html.getMessage())
        .isEqualTo("server answered HTTP 502 without a problem description");
    assertThat(html.oauthError()).isEmpty();
    assertThat(ServerProblem.of(404, "{\"title\":\"Not found\"}").getMessage())
        .isEqualTo("Not found (HTTP 404)");
  }
}
