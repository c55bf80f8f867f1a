package dev.marquee.cli;

import jakarta.json.JsonObject;

/** A failure the command reports as one line on stderr and an exit code. */
public class CliFailure extends RuntimeException {
  private final int exitCode;

  public CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** What {@code --json} prints on stdout for this failure. */
  public JsonObject toJson() {
    return Json.object().add("error", Json.object().add("message", getMessage())).build();
  }

  /** No usable sign-in for the server. */
  public static CliFailure notLoggedIn(String server) {
    return new CliFailure(
        ExitCode.NOT_LOGGED_IN,
        "not logged in to " + server + ": run `marquee login --server " + server + "` first");
  }
}
