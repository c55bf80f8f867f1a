package dev.marquee.cli;

import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes: which server, and whether to answer in JSON. */
public final class CommonOptions {
  static final String DEFAULT_SERVER = "http://127.0.0.1:9080";

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Marquee's address (default: $MARQUEE_SERVER, else " + DEFAULT_SERVER + ").")
  String server;

  @Option(
      names = "--json",
      description = "Print the result as JSON on stdout (errors too), for scripts.")
  boolean json;

  /** Where the command runs: environment, clock, config folder; replaced in tests. */
  static Environment environment = Environment.system();

  String server() {
    String chosen = server;
    if (chosen == null || chosen.isBlank()) {
      chosen = environment.env().getOrDefault("MARQUEE_SERVER", "");
    }
    return MarqueeApi.normalize(chosen.isBlank() ? DEFAULT_SERVER : chosen);
  }

  MarqueeApi api() {
    return new MarqueeApi(server(), new CredentialStore(config()), environment.clock());
  }

  ConfigDir config() {
    return ConfigDir.fromEnvironment(environment.env(), environment.userHome());
  }

  /** The process's surroundings, as inputs. */
  record Environment(Map<String, String> env, String userHome, Clock clock) {
    static Environment system() {
      return new Environment(System.getenv(), System.getProperty("user.home"), Clock.systemUTC());
    }
  }
}
