package dev.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line does before it reaches a server. */
class CommandLineTest {
  @TempDir Path home;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommonOptions.environment =
        new CommonOptions.Environment(env, home.toString(), Clock.systemUTC());
    return MarqueeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  @AfterEach
  void restore() {
    CommonOptions.environment = CommonOptions.Environment.system();
  }

  @Test
  void withoutASignInCommandsSayHowToLogInAndExitWith4() {
    assertThat(run(Map.of("MARQUEE_SERVER", "http://127.0.0.1:9999/"), "titles", "list"))
        .isEqualTo(ExitCode.NOT_LOGGED_IN);
    assertThat(err.toString())
        .isEqualTo(
            "marquee: not logged in to http://127.0.0.1:9999: run `marquee login --server"
                + " http://127.0.0.1:9999` first\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void withJsonTheFailureIsAlsoJsonOnStdout() {
    assertThat(run(Map.of(), "jobs", "watch", "t1", "--json", "--server", "https://vod.example"))
        .isEqualTo(ExitCode.NOT_LOGGED_IN);
    assertThat(out.toString())
        .startsWith("{\"error\":{\"message\":\"not logged in to https://vod.example");
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(run(Map.of(), "upload", "master.mp4")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).startsWith("marquee: Missing required options");
    assertThat(run(Map.of(), "titles", "list", "--server", "ftp://example"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("marquee: --server ftp://example is not an http(s) URL");
  }

  @Test
  void aMissingFileIsALocalProblem() {
    assertThat(
            run(Map.of(), "subtitles", "add", "t1", "fr", home.resolve("missing.vtt").toString()))
        .isEqualTo(ExitCode.LOCAL);
    assertThat(err.toString()).startsWith("marquee: cannot read ").contains("missing.vtt");
  }
}
