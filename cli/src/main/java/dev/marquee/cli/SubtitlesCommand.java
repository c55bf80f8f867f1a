package dev.marquee.cli;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code marquee subtitles add TITLE LANG FILE}. */
@Command(
    name = "subtitles",
    mixinStandardHelpOptions = true,
    description = "Subtitle files of a title.",
    subcommands = {SubtitlesCommand.Add.class})
final class SubtitlesCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add (or replace) the title's subtitles in a language: an SRT or WebVTT file.")
  static final class Add extends MarqueeCommand {
    @Parameters(index = "0", paramLabel = "TITLE", description = "The title's id.")
    String title;

    @Parameters(index = "1", paramLabel = "LANG", description = "Language (ISO 639-1, e.g. fr).")
    String language;

    @Parameters(index = "2", paramLabel = "FILE", description = "The .srt or .vtt file.")
    Path file;

    @Override
    int run(Terminal terminal) throws Exception {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new CliFailure(ExitCode.LOCAL, "cannot read " + file + ": no such readable file");
      }
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      String type = name.endsWith(".vtt") ? "text/vtt" : "application/x-subrip";
      MarqueeApi api = common.api();
      JsonObject added =
          Json.parseObject(
              api.call(
                  api.request(
                          "/api/ingest/titles/"
                              + MarqueeApi.encode(title)
                              + "/subtitles/"
                              + MarqueeApi.encode(language))
                      .header("Content-Type", type)
                      .header("Accept", "application/json")
                      .PUT(HttpRequest.BodyPublishers.ofFile(file))));
      terminal.result(added, "Added " + language + " subtitles to title " + title + ".");
      return ExitCode.OK;
    }
  }
}
