package dev.marquee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.devstack.MarqueeStack;
import dev.marquee.media.testing.SyntheticMaster;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code marquee} command line as a creator and an admin use it, each run a separate {@code
 * java -jar} process against the running server: device-code login, an upload killed mid-way and
 * resumed, {@code jobs watch} until the title publishes or its job fails, titles and subtitles, and
 * problems as one line with an exit code.
 */
@ExtendWith(RunningMarquee.class)
class CommandLineIT {
  private static final Pattern USER_CODE =
      Pattern.compile("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
  private static final Duration QUICK = Duration.ofSeconds(60);
  private static final Duration TRANSCODE = Duration.ofMinutes(5);

  @TempDir Path folder;
  private final Api api = RunningMarquee.api();

  /** {@code marquee login}, approved over HTTP by the account as in a browser. */
  private CommandLineProcess login(Path config, String email, String password) throws Exception {
    CommandLineProcess login = CommandLineProcess.start(config, "login");
    String line = login.awaitErrLine(l -> USER_CODE.matcher(l).find(), QUICK);
    Matcher code = USER_CODE.matcher(line);
    assertThat(code.find()).isTrue();
    assertThat(line).contains("/activate.html");
    String token = api.signIn(email, password).getString("access_token");
    var approval =
        api.postJson(
            "/api/oauth/device/approvals",
            "{\"userCode\":\"" + code.group() + "\",\"decision\":\"approve\"}",
            token);
    assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
    assertThat(login.awaitExit(QUICK)).as(login.toString()).isZero();
    assertThat(login.lastOut()).isEqualTo("Logged in to " + api.baseUrl() + " as " + email + ".");
    return login;
  }

  private String newCreatorEmail() {
    String token = Creators.newCreator(api);
    return api.get("/api/accounts/me", token).json().getString("email");
  }

  private static JsonObject json(String line) {
    try (var reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }

  /** An upload with the usual metadata; {@code more} adds options or replaces a default's value. */
  private static String[] upload(Path master, String... more) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--name", "Night Ferry");
    options.put("--language", "en");
    options.put("--category", "drama");
    options.put("--rating", "13+");
    options.put("--year", "2025");
    options.put("--regions", "GB,IE");
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < more.length; i++) {
      if (i + 1 < more.length && !more[i + 1].startsWith("--")) {
        options.put(more[i], more[++i]);
      } else {
        flags.add(more[i]);
      }
    }
    List<String> args = new ArrayList<>(List.of("upload", master.toString()));
    options.forEach(
        (option, value) -> {
          args.add(option);
          args.add(value);
        });
    args.add("--json");
    args.addAll(flags);
    return args.toArray(String[]::new);
  }

  @Test
  void loginByDeviceCodeKeepsTokensPrivateAndRefreshesAnExpiredOne() throws Exception {
    Path config = folder.resolve("config");
    String email = newCreatorEmail();
    login(config, email, Creators.PASSWORD);

    Path credentials = config.resolve("marquee/credentials.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.getParent())))
        .isEqualTo("rwx------");
    JsonObject stored =
        json(Files.readString(credentials)).getJsonObject("servers").getJsonObject(api.baseUrl());
    String refresh = stored.getString("refreshToken");

    // The access token expired (as it does after 15 minutes): the next command refreshes it.
    Files.writeString(
        credentials,
        Files.readString(credentials)
            .replace(stored.getString("expiresAt"), "2020-01-01T00:00:00Z"));
    var list = CommandLineProcess.run(config, QUICK, "titles", "list", "--json");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.lastOut()).startsWith("[");
    JsonObject after =
        json(Files.readString(credentials)).getJsonObject("servers").getJsonObject(api.baseUrl());
    assertThat(after.getString("refreshToken")).isNotEqualTo(refresh);
    assertThat(java.time.Instant.parse(after.getString("expiresAt")))
        .isAfter(java.time.Instant.now());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
        .isEqualTo("rw-------");

    // Logging out revokes the sign-in: the old refresh token no longer works.
    var logout = CommandLineProcess.run(config, QUICK, "logout");
    assertThat(logout.exitCode()).as(logout.toString()).isZero();
    var reuse =
        api.postForm(
            "/api/oauth/token",
            java.util.Map.of(
                "grant_type", "refresh_token",
                "client_id", "marquee-cli",
                "refresh_token", after.getString("refreshToken")));
    ProblemAssert.assertProblem(reuse, 400, "oauth-invalid-grant");
    var notLoggedIn = CommandLineProcess.run(config, QUICK, "titles", "list");
    assertThat(notLoggedIn.exitCode()).isEqualTo(4);
    assertThat(notLoggedIn.err()).hasSize(1);
    assertThat(notLoggedIn.err().get(0)).startsWith("marquee: not logged in to ");
  }

  @Test
  void anUploadKilledMidwayResumesWhenRunAgainAndJobsWatchSeesTheTitlePublish() throws Exception {
    Path master = folder.resolve("master.mp4");
    // Noise makes it large: several 5 MiB parts.
    new SyntheticMaster(640, 360, 25, 20, true, List.of("eng")).writeTo(master);
    assertThat(Files.size(master)).as("the master spans 4+ parts").isGreaterThan(3 * 5242880L);
    Path config = folder.resolve("config");
    String email = newCreatorEmail();
    login(config, email, Creators.PASSWORD);

    CommandLineProcess first = CommandLineProcess.start(config, upload(master));
    first.awaitErrLine(l -> l.contains("part 1/"), QUICK);
    first.kill();

    // The interrupted run left its upload in the config folder, open on the server.
    Path states = config.resolve("marquee/uploads");
    String uploadId;
    try (Stream<Path> files = Files.list(states)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(all.get(0))))
          .isEqualTo("rw-------");
      uploadId = json(Files.readString(all.get(0))).getString("uploadId");
    }
    String creator = api.signIn(email, Creators.PASSWORD).getString("access_token");
    JsonObject interrupted = api.get("/api/ingest/uploads/" + uploadId, creator).json();
    assertThat(interrupted.getString("state")).isEqualTo("OPEN");
    int partCount = interrupted.getInt("partCount");
    assertThat(interrupted.getJsonArray("missingParts")).isNotEmpty();

    var second = CommandLineProcess.run(config, TRANSCODE, upload(master));
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.err()).anyMatch(l -> l.startsWith("Resuming upload " + uploadId));
    JsonObject done = json(second.lastOut());
    assertThat(done.getString("uploadId")).isEqualTo(uploadId);
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(done.getBoolean("resumed")).isTrue();
    // Only what the server lacked was sent again (a part in flight at the kill may have landed).
    assertThat(done.getInt("partsSent"))
        .isLessThanOrEqualTo(interrupted.getJsonArray("missingParts").size())
        .isLessThan(partCount)
        .isPositive();
    try (Stream<Path> files = Files.list(states)) {
      assertThat(files).as("a finished upload leaves no state behind").isEmpty();
    }
    String titleId = done.getString("titleId");

    var watch = CommandLineProcess.run(config, TRANSCODE, "jobs", "watch", titleId, "--json");
    assertThat(watch.exitCode()).as(watch.toString()).isZero();
    JsonObject published = json(watch.lastOut());
    assertThat(published.getString("state")).isEqualTo("PUBLISHED");
    assertThat(published.getJsonObject("rungs").keySet()).containsExactly("240p", "360p");
    published
        .getJsonObject("rungs")
        .values()
        .forEach(
            r ->
                assertThat(r.asJsonObject().getInt("done"))
                    .isEqualTo(r.asJsonObject().getInt("total")));
    assertThat(watch.err()).anyMatch(l -> l.matches("240p +\\[#+\\] 100%.*"));
    assertThat(api.get("/api/catalog/admin/titles/" + titleId, admin()).json().getString("state"))
        .isEqualTo("PUBLISHED");

    // Subtitles for the title, from a file.
    Path vtt = folder.resolve("fr.vtt");
    Files.writeString(vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nBonsoir.\n");
    var subtitles =
        CommandLineProcess.run(
            config, QUICK, "subtitles", "add", titleId, "fr", vtt.toString(), "--json");
    assertThat(subtitles.exitCode()).as(subtitles.toString()).isZero();
    assertThat(json(subtitles.lastOut()).getString("language")).isEqualTo("fr");
    assertThat(api.get("/api/ingest/titles/" + titleId + "/subtitles", creator).array()).hasSize(1);
  }

  private String admin() {
    return api.signIn(MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword())
        .getString("access_token");
  }

  @Test
  void jobsWatchExitsNonZeroWhenTheJobFails() throws Exception {
    Path master = folder.resolve("long.mp4");
    new SyntheticMaster(320, 180, 25, 30, false, List.of("eng")).writeTo(master);
    Path config = folder.resolve("config");
    login(config, newCreatorEmail(), Creators.PASSWORD);

    var upload = CommandLineProcess.run(config, TRANSCODE, upload(master));
    assertThat(upload.exitCode()).as(upload.toString()).isZero();
    JsonObject done = json(upload.lastOut());
    // Object storage loses the master while the job runs: the chunks that still have to read it
    // cannot, and the job fails.
    Path objects = RunningMarquee.stack().home().resolve("objects");
    try (Stream<Path> files = Files.walk(objects)) {
      List<Path> masters =
          files
              .filter(p -> p.toString().contains("masters/" + done.getString("uploadId")))
              .filter(Files::isRegularFile)
              .toList();
      assertThat(masters).isNotEmpty();
      for (Path p : masters) {
        Files.delete(p);
      }
    }

    var watch =
        CommandLineProcess.run(
            config, TRANSCODE, "jobs", "watch", done.getString("titleId"), "--json");
    assertThat(watch.exitCode()).as(watch.toString()).isEqualTo(5);
    assertThat(json(watch.lastOut()).getString("failure")).startsWith("transcode job ");
    assertThat(watch.err()).filteredOn(l -> l.startsWith("marquee: ")).hasSize(1);
    assertThat(watch.err())
        .anyMatch(l -> l.startsWith("marquee: transcode job ") && l.contains(" failed: "));
  }

  @Test
  void problemsFromTheServerAreOneLineWithAnExitCodeAndAdminsPublish() throws Exception {
    Path master = folder.resolve("small.mp4");
    new SyntheticMaster(320, 180, 25, 3, false, List.of("eng")).writeTo(master);
    Path config = folder.resolve("config");
    String email = newCreatorEmail();
    login(config, email, Creators.PASSWORD);

    // The server refuses the rating: one line naming it, exit code 3, the problem in --json.
    var refused = CommandLineProcess.run(config, QUICK, upload(master, "--rating", "PG-99"));
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
    assertThat(refused.err()).filteredOn(l -> l.startsWith("marquee: ")).hasSize(1);
    String line = refused.err().stream().filter(l -> l.startsWith("marquee: ")).findFirst().get();
    assertThat(line).contains("PG-99").contains("invalid-maturity-rating").endsWith("HTTP 400)");
    JsonObject problem = json(refused.lastOut()).getJsonObject("error").getJsonObject("problem");
    assertThat(problem.getString("type")).endsWith("/invalid-maturity-rating");

    // A usage error is 2 and never reaches the server.
    var usage = CommandLineProcess.run(config, QUICK, "upload", master.toString());
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err().get(0)).startsWith("marquee: Missing required options");

    // A creator may not publish: the server's 403 becomes one line and exit 3.
    String creator = api.signIn(email, Creators.PASSWORD).getString("access_token");
    String titleId = Creators.ingest(api, creator, master);
    Creators.awaitPublished(api, creator, titleId, TRANSCODE);
    var forbidden = CommandLineProcess.run(config, QUICK, "titles", "unpublish", titleId);
    assertThat(forbidden.exitCode()).as(forbidden.toString()).isEqualTo(3);
    assertThat(forbidden.err()).hasSize(1);
    assertThat(forbidden.err().get(0)).startsWith("marquee: ").contains("HTTP 403");

    // An admin takes the title off the shelf and puts it back.
    Path adminConfig = folder.resolve("admin-config");
    login(adminConfig, MarqueeStack.ADMIN_EMAIL, RunningMarquee.stack().adminPassword());
    var unpublished =
        CommandLineProcess.run(adminConfig, QUICK, "titles", "unpublish", titleId, "--json");
    assertThat(unpublished.exitCode()).as(unpublished.toString()).isZero();
    assertThat(json(unpublished.lastOut()).getString("state")).isEqualTo("UNPUBLISHED");
    var shelf = CommandLineProcess.run(adminConfig, QUICK, "titles", "list", "--limit", "200");
    assertThat(shelf.out()).noneMatch(l -> l.startsWith(titleId));
    var republished = CommandLineProcess.run(adminConfig, QUICK, "titles", "publish", titleId);
    assertThat(republished.exitCode()).as(republished.toString()).isZero();
    assertThat(republished.lastOut()).isEqualTo("Title Night Train is PUBLISHED.");
    var shelfAgain = CommandLineProcess.run(adminConfig, QUICK, "titles", "list", "--limit", "200");
    assertThat(shelfAgain.out()).anyMatch(l -> l.startsWith(titleId));
  }
}
