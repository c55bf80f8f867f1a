package dev.marquee.accounts.api;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Whom an export or erasure is about: the account and every profile and device it has had (removed
 * devices included), so a module can find rows that carry only a profile or device id.
 */
public record DataSubject(AccountId account, List<ProfileId> profiles, List<DeviceId> devices) {
  public DataSubject {
    Objects.requireNonNull(account, "account");
    profiles = List.copyOf(profiles);
    devices = List.copyOf(devices);
  }

  /** The profile ids, for {@code Connection.createArrayOf("uuid", ...)}. */
  public UUID[] profileIds() {
    return profiles.stream().map(ProfileId::value).toArray(UUID[]::new);
  }

  /** The device ids, for {@code Connection.createArrayOf("uuid", ...)}. */
  public UUID[] deviceIds() {
    return devices.stream().map(DeviceId::value).toArray(UUID[]::new);
  }
}
