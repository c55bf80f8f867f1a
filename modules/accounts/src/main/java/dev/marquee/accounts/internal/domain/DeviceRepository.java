package dev.marquee.accounts.internal.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The device registry. */
public interface DeviceRepository {
  Optional<Device> device(UUID id);

  List<Device> activeOf(UUID accountId);

  void add(Device device);

  void record(DeviceSecurityChange change);

  /** Newest first. */
  List<DeviceSecurityChange> securityChanges(UUID deviceId);
}
