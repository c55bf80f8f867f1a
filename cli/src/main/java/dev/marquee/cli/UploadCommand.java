package dev.marquee.cli;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marquee upload FILE --name ...}: a master and its title, resumable. */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = {
      "Upload a master and create its title; the server checks it, then transcodes it.",
      "Interrupted? Run the same command again: it resumes at the first part the server lacks."
    })
final class UploadCommand extends MarqueeCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The master (MP4, MOV, MKV, MXF).")
  Path file;

  @Option(names = "--name", required = true, description = "The title's name.")
  String name;

  @Option(names = "--synopsis", description = "What it is about.")
  String synopsis;

  @Option(
      names = "--language",
      required = true,
      description = "Original language (ISO 639-1, e.g. en).")
  String language;

  @Option(names = "--category", required = true, description = "Category, e.g. drama.")
  String category;

  @Option(
      names = "--rating",
      required = true,
      description = "Maturity rating: ALL, 7+, 13+, 16+ or 18+.")
  String rating;

  @Option(names = "--year", required = true, description = "Release year.")
  int year;

  @Option(
      names = "--regions",
      required = true,
      split = ",",
      paramLabel = "CC",
      description = "Countries where it may be watched (ISO 3166-1 alpha-2), e.g. GB,IE.")
  List<String> regions;

  @Option(names = "--available-from", description = "Licence window start (ISO-8601 instant).")
  Instant availableFrom;

  @Option(names = "--available-until", description = "Licence window end (ISO-8601 instant).")
  Instant availableUntil;

  @Option(names = "--offline", description = "Viewers may download it for offline viewing.")
  boolean offline;

  @Override
  int run(Terminal terminal) throws Exception {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CliFailure(ExitCode.LOCAL, "cannot read " + file + ": no such readable file");
    }
    MarqueeApi api = common.api();
    api.signIn();
    var upload = new ResumableUpload(api, new UploadStateStore(common.config()), terminal);
    ResumableUpload.Outcome outcome = upload.send(file, title());
    JsonObject done = outcome.upload();
    String titleId = ResumableUpload.isNull(done, "titleId") ? "" : done.getString("titleId");
    terminal.result(
        Json.object()
            .add("uploadId", done.getString("id"))
            .add("state", done.getString("state"))
            .add("titleId", titleId)
            .add("sizeBytes", done.getJsonNumber("sizeBytes"))
            .add("resumed", outcome.resumed())
            .add("partsSent", outcome.partsSent())
            .add("partCount", done.getInt("partCount"))
            .build(),
        "Uploaded "
            + file.getFileName()
            + ": title "
            + titleId
            + " is transcoding (follow it with `marquee jobs watch "
            + titleId
            + "`).");
    return ExitCode.OK;
  }

  private JsonObject title() {
    var licence = Json.object().add("regions", Json.array(regions)).add("offlineAllowed", offline);
    if (availableFrom != null) {
      licence.add("availableFrom", availableFrom.toString());
    }
    if (availableUntil != null) {
      licence.add("availableUntil", availableUntil.toString());
    }
    var title =
        Json.object()
            .add("name", name)
            .add("language", language)
            .add("category", category)
            .add("maturityRating", rating)
            .add("releaseYear", year)
            .add("licence", licence);
    if (synopsis != null) {
      title.add("synopsis", synopsis);
    }
    return title.build();
  }
}
