package dev.marquee.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marquee titles list|publish|unpublish}. */
@Command(
    name = "titles",
    mixinStandardHelpOptions = true,
    description = "Titles in the catalog.",
    subcommands = {
      TitlesCommand.ListTitles.class,
      TitlesCommand.Publish.class,
      TitlesCommand.Unpublish.class
    })
final class TitlesCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Published titles, newest first (what viewers see on the shelf).")
  static final class ListTitles extends MarqueeCommand {
    @Option(names = "--limit", defaultValue = "50", description = "At most this many (1-200).")
    int limit;

    @Override
    int run(Terminal terminal) {
      JsonArray titles = Json.parseArray(common.api().get("/api/catalog/titles?limit=" + limit));
      StringBuilder text = new StringBuilder();
      for (var value : titles) {
        JsonObject t = value.asJsonObject();
        text.append(
            String.format(
                Locale.ROOT,
                "%-36s  %-4s  %-5s  %s%n",
                t.getString("id"),
                t.getInt("releaseYear"),
                t.getString("maturityRating", ""),
                t.getString("name")));
      }
      terminal.result(
          titles, titles.isEmpty() ? "No published titles." : text.toString().stripTrailing());
      return ExitCode.OK;
    }
  }

  /** Sets a title's state as an admin, by JSON merge patch. */
  abstract static class StateChange extends MarqueeCommand {
    @Parameters(index = "0", paramLabel = "TITLE", description = "The title's id.")
    String title;

    abstract String state();

    @Override
    int run(Terminal terminal) {
      String body = Json.compact(Json.object().add("state", state()).build());
      JsonObject changed =
          Json.parseObject(
              common
                  .api()
                  .call(
                      common
                          .api()
                          .request("/api/catalog/admin/titles/" + MarqueeApi.encode(title))
                          .header("Content-Type", "application/merge-patch+json")
                          .header("Accept", "application/json")
                          // Only the state changes, whatever else another admin edited meanwhile.
                          .header("If-Match", "*")
                          .method("PATCH", HttpRequest.BodyPublishers.ofString(body))));
      terminal.result(
          Json.object()
              .add("titleId", changed.getString("id"))
              .add("name", changed.getString("name"))
              .add("state", changed.getString("state"))
              .build(),
          "Title " + changed.getString("name") + " is " + changed.getString("state") + ".");
      return ExitCode.OK;
    }
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = "Publish a transcoded title (admins).")
  static final class Publish extends StateChange {
    @Override
    String state() {
      return "PUBLISHED";
    }
  }

  @Command(
      name = "unpublish",
      mixinStandardHelpOptions = true,
      description = "Take a title off the shelf (admins).")
  static final class Unpublish extends StateChange {
    @Override
    String state() {
      return "UNPUBLISHED";
    }
  }
}
