package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.DeviceType;
import dev.marquee.accounts.api.DeviceView;
import dev.marquee.accounts.api.SecurityLevel;
import dev.marquee.accounts.internal.domain.Device;
import dev.marquee.accounts.internal.domain.DeviceRepository;
import dev.marquee.accounts.internal.domain.TokenRepository;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
  public DeviceView register(UUID accountId, String name, DeviceType type, SecurityLevel declared) {
    if (devices.activeOf(accountId).size() >= Device.MAX_ACTIVE_PER_ACCOUNT) {
      throw ProblemException.conflict(
          "device-limit",
          "An account has at most "
              + Device.MAX_ACTIVE_PER_ACCOUNT
              + " devices; remove one first.");
    }
    Device device =
        new Device(
            accountId, name.strip(), type, Device.effectiveLevel(type, declared), Time.now());
    devices.add(device);
    return DefaultAccountsFacade.view(device);
  }

  @Transactional
  public void remove(UUID accountId, UUID deviceId) {
    Device device =
        devices
            .device(deviceId)
            .filter(d -> d.accountId().equals(accountId) && !d.isRemoved())
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "device-not-found", "No device " + deviceId + " on this account."));
    var now = Time.now();
    device.remove(now);
    tokens.activeFamiliesOfDevice(deviceId).forEach(f -> f.revoke("device-removed", now));
  }
}
