package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.DeviceType;
import dev.marquee.accounts.api.DeviceView;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.internal.domain.Device;
import dev.marquee.accounts.internal.domain.DeviceRepository;
import dev.marquee.accounts.internal.domain.DeviceSecurityChange;
import dev.marquee.accounts.internal.domain.TokenRepository;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The devices of an account. Removing a device signs it out. */
@ApplicationScoped
public class DeviceRegistryService {
  @Inject DeviceRepository devices;
  @Inject TokenRepository tokens;

  @Transactional
  public List<DeviceView> list(UUID accountId) {
    return devices.activeOf(accountId).stream().map(DefaultAccountsFacade::view).toList();
  }

  @Transactional
  public DeviceView register(UUID accountId, String name, DeviceType type) {
    if (devices.activeOf(accountId).size() >= Device.MAX_ACTIVE_PER_ACCOUNT) {
      throw ProblemException.conflict(
          "device-limit",
          "An account has at most "
              + Device.MAX_ACTIVE_PER_ACCOUNT
              + " devices; remove one first.");
    }
    Device device = new Device(accountId, name.strip(), type, Time.now());
    devices.add(device);
    return DefaultAccountsFacade.view(device);
  }

  /** An administrator's view of an account's devices. */
  @Transactional
  public List<DeviceView> devicesOf(UUID accountId) {
    return list(accountId);
  }

  /** One recorded decision on a device's security level. */
  public record SecurityChange(
      SecurityLevel previous, SecurityLevel level, UUID changedBy, String reason, Instant at) {}

  /**
   * An administrator decides how well a device protects content keys (for example after checking
   * the device model's DRM certification); the decision and its reason are audited.
   */
  @Transactional
  public DeviceView changeSecurityLevel(
      UUID accountId, UUID deviceId, SecurityLevel level, UUID administrator, String reason) {
    Device device = activeDevice(accountId, deviceId);
    SecurityLevel before;
    try {
      before = device.changeSecurityLevel(level);
    } catch (IllegalArgumentException e) {
      throw ProblemException.conflict("software-only-device", e.getMessage());
    }
    devices.record(
        new DeviceSecurityChange(device, before, administrator, reason.strip(), Time.now()));
    return DefaultAccountsFacade.view(device);
  }

  @Transactional
  public List<SecurityChange> securityChanges(UUID accountId, UUID deviceId) {
    activeDevice(accountId, deviceId);
    return devices.securityChanges(deviceId).stream()
        .map(
            c ->
                new SecurityChange(
                    c.previous(), c.level(), c.changedBy(), c.reason(), c.at().toInstant()))
        .toList();
  }

  private Device activeDevice(UUID accountId, UUID deviceId) {
    return devices
        .device(deviceId)
        .filter(d -> d.accountId().equals(accountId) && !d.isRemoved())
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "device-not-found", "No device " + deviceId + " on this account."));
  }

  /**
   * A device of the account comes back (a browser that registered before signs in again): it is
   * recognised instead of registered again, and its last use is now. 404 once it was removed.
   */
  @Transactional
  public DeviceView seen(UUID accountId, UUID deviceId) {
    Device device = activeDevice(accountId, deviceId);
    device.seen(Time.now());
    return DefaultAccountsFacade.view(device);
  }

  @Transactional
  public void remove(UUID accountId, UUID deviceId) {
    Device device = activeDevice(accountId, deviceId);
    var now = Time.now();
    device.remove(now);
    tokens.activeFamiliesOfDevice(deviceId).forEach(f -> f.revoke("device-removed", now));
  }
}
