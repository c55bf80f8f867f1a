package dev.marquee.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code marquee}: Marquee's command line for creators and operators. */
@Command(
    name = "marquee",
    mixinStandardHelpOptions = true,
    version = "marquee 0.1.0",
    description = "Upload masters, follow transcodes and manage titles on a Marquee server.",
    subcommands = {
      LoginCommand.class,
      LogoutCommand.class,
      UploadCommand.class,
      JobsCommand.class,
      TitlesCommand.class,
      SubtitlesCommand.class,
      AudioCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (jobs watch: the title published)",
      "1:a local problem (a file, the connection)",
      "2:usage error",
      "3:the server answered with a problem",
      "4:not logged in (run marquee login)",
      "5:jobs watch: the job failed or was stopped"
    })
public final class MarqueeCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command.");
  }

  /** A command line with Marquee's exit codes and messages. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new MarqueeCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> ExitCode.LOCAL);
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine failed = e.getCommandLine();
          failed.getErr().println("marquee: " + ServerProblem.oneLine(e.getMessage()));
          failed
              .getErr()
              .println(
                  "Try `"
                      + failed.getCommandSpec().qualifiedName()
                      + " --help` for how to use it.");
          failed.getErr().flush();
          return ExitCode.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, failed, parsed) -> {
          failed.getErr().println("marquee: " + ServerProblem.oneLine(String.valueOf(e)));
          failed.getErr().flush();
          return ExitCode.LOCAL;
        });
    return cli;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(commandLine(out, err).execute(args));
  }
}
