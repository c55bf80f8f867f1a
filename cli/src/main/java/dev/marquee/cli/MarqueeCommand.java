package dev.marquee.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to Marquee: a failure becomes one line on stderr ({@code marquee: ...}), the
 * same as JSON on stdout with {@code --json}, and its exit code.
 */
abstract class MarqueeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  /** Whether stderr is a person's terminal; tests and pipes get one line per step. */
  static boolean interactive = System.console() != null;

  /** Does the work; returns the exit code. */
  abstract int run(Terminal terminal) throws Exception;

  @Override
  public final Integer call() throws Exception {
    Terminal terminal =
        new Terminal(
            spec.commandLine().getOut(), spec.commandLine().getErr(), common.json, interactive);
    try {
      return run(terminal);
    } catch (CliFailure failure) {
      return fail(terminal, failure);
    } catch (UncheckedIOException e) {
      return fail(terminal, new CliFailure(ExitCode.LOCAL, e.getMessage(), e));
    }
  }

  static int fail(Terminal terminal, CliFailure failure) {
    terminal.say("marquee: " + ServerProblem.oneLine(String.valueOf(failure.getMessage())));
    if (terminal.json()) {
      terminal.result(failure.toJson(), "");
    }
    return failure.exitCode();
  }
}
