package dev.marquee.cli;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marquee jobs watch TITLE}: transcode progress per rung until it publishes or fails. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = "Transcode jobs.",
    subcommands = {JobsCommand.Watch.class})
final class JobsCommand {

  @Command(
      name = "watch",
      mixinStandardHelpOptions = true,
      description = {
        "Show a live progress bar per rung of the title's transcode job.",
        "Exits 0 when the title is published, 5 when the job fails or is stopped."
      })
  static final class Watch extends MarqueeCommand {
    @Parameters(index = "0", paramLabel = "TITLE", description = "The title's id.")
    String title;

    @Option(
        names = "--interval",
        defaultValue = "PT1S",
        description = "How often to ask the server (ISO-8601 duration, default PT1S).")
    Duration interval;

    private int drawn;
    private final Map<String, Integer> printed = new HashMap<>();

    @Override
    int run(Terminal terminal) throws InterruptedException {
      MarqueeApi api = common.api();
      String path = "/api/transcode/titles/" + MarqueeApi.encode(title) + "/jobs";
      boolean announced = false;
      while (true) {
        JsonObject job = JobWatch.newest(Json.parseArray(api.get(path)));
        JobWatch.Verdict verdict = JobWatch.verdict(job);
        if (verdict == JobWatch.Verdict.WAITING && !announced) {
          terminal.say("Waiting for the title's transcode job to start...");
          announced = true;
        }
        draw(terminal, JobWatch.rungs(job));
        if (verdict == JobWatch.Verdict.PUBLISHED) {
          terminal.result(summary(job), "Title " + title + " is published.");
          return ExitCode.OK;
        }
        if (verdict == JobWatch.Verdict.FAILED) {
          terminal.say("marquee: " + ServerProblem.oneLine(JobWatch.failure(job)));
          if (terminal.json()) {
            terminal.result(summary(job), "");
          }
          return ExitCode.JOB_FAILED;
        }
        Thread.sleep(interval.toMillis()); // the polling period a person asked for
      }
    }

    private void draw(Terminal terminal, List<JobWatch.Rung> rungs) {
      if (terminal.interactive()) {
        StringBuilder screen = new StringBuilder();
        if (drawn > 0) {
          screen.append("\u001b[").append(drawn).append('A');
        }
        for (JobWatch.Rung r : rungs) {
          screen
              .append('\r')
              .append(ProgressBar.render(r.name(), r.done(), r.total(), 30, ""))
              .append("\u001b[K\n");
        }
        terminal.raw(screen.toString());
        drawn = rungs.size();
        return;
      }
      // Not a terminal: one line whenever a rung moves.
      for (JobWatch.Rung r : rungs) {
        if (!Integer.valueOf(r.done()).equals(printed.put(r.name(), r.done()))) {
          terminal.say(ProgressBar.render(r.name(), r.done(), r.total(), 30, ""));
        }
      }
    }

    private static JsonObject summary(JsonObject job) {
      var rungs = Json.object();
      JobWatch.rungs(job)
          .forEach(
              r ->
                  rungs.add(r.name(), Json.object().add("done", r.done()).add("total", r.total())));
      var o =
          Json.object()
              .add("jobId", job.getString("id", ""))
              .add("titleId", job.getString("titleId", ""))
              .add("state", job.getString("state", ""))
              .add("batchStatus", job.getString("batchStatus", ""))
              .add("rungs", rungs);
      if (JobWatch.verdict(job) == JobWatch.Verdict.FAILED) {
        o.add("failure", JobWatch.failure(job));
      }
      return o.build();
    }
  }
}
