package dev.marquee.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What more than one server needs besides the servers themselves (ADRs 21 and 22). */
final class Fleet {
  static final String MESSAGING_SERVER_NAME = "marquee-messaging";

  private Fleet() {}

  /** The JMS address of the messaging server's TLS port, as the connection factories take it. */
  static String secureAddress(int port) {
    return "127.0.0.1:" + port + ":BootstrapSecureMessaging";
  }

  /**
   * The messaging server (liberty-config/src/main/liberty/messaging, installed by app-ear beside
   * the application server): the servers' TLS keystore, whose certificate they trust, and the user
   * their connection factories authenticate as.
   */
  static LibertyServer messagingServer(
      Path wlpDirectory, Path home, Map<String, String> serverEnvironment, int port) {
    Map<String, String> env = new HashMap<>();
    for (String name :
        List.of("KEYSTORE_LOCATION", "KEYSTORE_PASSWORD", "MESSAGING_USER", "MESSAGING_PASSWORD")) {
      env.put(name, serverEnvironment.get(name));
    }
    env.put("MESSAGING_SSL_PORT", Integer.toString(port));
    return new LibertyServer(
        MESSAGING_SERVER_NAME, wlpDirectory, home.resolve("messaging"), env, -1, false);
  }

  /** Stops every server at once (each stop waits for its JVM), reporting the first failure. */
  static void stopAll(List<LibertyServer> servers) throws Exception {
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (LibertyServer server : servers) {
      stops.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  server.stop();
                } catch (Exception e) {
                  throw new IllegalStateException("Stopping " + server.baseUrl() + " failed", e);
                }
              }));
    }
    CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
  }
}
