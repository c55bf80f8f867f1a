package dev.marquee.cli;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marquee audio add TITLE LANG FILE}. */
@Command(
    name = "audio",
    mixinStandardHelpOptions = true,
    description = "Audio tracks of a title.",
    subcommands = {AudioCommand.Add.class})
final class AudioCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add (or replace) an audio track in a language: another dub, or audio description.",
        "The server keeps the file and encodes it into the title in the background."
      })
  static final class Add extends MarqueeCommand {
    @Parameters(index = "0", paramLabel = "TITLE", description = "The title's id.")
    String title;

    @Parameters(index = "1", paramLabel = "LANG", description = "Language (ISO 639-1, e.g. fr).")
    String language;

    @Parameters(index = "2", paramLabel = "FILE", description = "Audio (WAV, FLAC, MP3, AAC...).")
    Path file;

    @Option(names = "--description", description = "It is audio description, not a dub.")
    boolean description;

    @Override
    int run(Terminal terminal) throws Exception {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new CliFailure(ExitCode.LOCAL, "cannot read " + file + ": no such readable file");
      }
      MarqueeApi api = common.api();
      String path =
          "/api/ingest/titles/"
              + MarqueeApi.encode(title)
              + "/audio/"
              + MarqueeApi.encode(language)
              + (description ? "?role=description" : "");
      terminal.say("Sending " + ProgressBar.bytes(Files.size(file)) + "...");
      JsonObject added =
          Json.parseObject(
              api.call(
                  api.request(path)
                      .header("Content-Type", "application/octet-stream")
                      .header("Accept", "application/json")
                      .PUT(HttpRequest.BodyPublishers.ofFile(file))));
      terminal.result(
          added,
          "Added "
              + language
              + (description ? " audio description" : " audio")
              + " to title "
              + title
              + "; it is being encoded.");
      return ExitCode.OK;
    }
  }
}
