package dev.marquee.cli;

/** What the command's exit status tells a script. */
public final class ExitCode {
  /** Done as asked (for {@code jobs watch}: the title published). */
  public static final int OK = 0;

  /** Something on this machine went wrong: a file cannot be read, the server cannot be reached. */
  public static final int LOCAL = 1;

  /** The command line itself is wrong (picocli's own code for usage errors). */
  public static final int USAGE = 2;

  /** The server answered with a problem (RFC 9457). */
  public static final int SERVER_PROBLEM = 3;

  /** No sign-in for this server, or it expired and could not be refreshed. */
  public static final int NOT_LOGGED_IN = 4;

  /** {@code jobs watch}: the transcode job failed or was stopped. */
  public static final int JOB_FAILED = 5;

  private ExitCode() {}
}
