package dev.marquee.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Sign-ins kept in {@code credentials.json} of the config folder (600), one per server address, so
 * that a creator can work with a staging and a production server side by side.
 */
public final class CredentialStore {
  static final String FILE = "credentials.json";

  private final ConfigDir config;

  public CredentialStore(ConfigDir config) {
    this.config = config;
  }

  public Optional<Credentials> find(String server) {
    JsonObject servers = servers();
    JsonValue entry = servers.get(server);
    return entry == null || entry.getValueType() != JsonValue.ValueType.OBJECT
        ? Optional.empty()
        : Optional.of(Credentials.fromJson(entry.asJsonObject()));
  }

  public void save(Credentials credentials) {
    var servers = Json.object(servers()).add(credentials.server(), credentials.toJson());
    write(servers.build());
  }

  /** Forgets the sign-in at the server; true if there was one. */
  public boolean remove(String server) {
    JsonObject servers = servers();
    if (!servers.containsKey(server)) {
      return false;
    }
    write(Json.object(servers).remove(server).build());
    return true;
  }

  private JsonObject servers() {
    return config
        .read(FILE)
        .map(Json::parseObjectOrNull)
        .map(o -> o.getJsonObject("servers"))
        .orElse(JsonValue.EMPTY_JSON_OBJECT);
  }

  private void write(JsonObject servers) {
    config.write(FILE, Json.pretty(Json.object().add("servers", servers).build()));
  }
}
