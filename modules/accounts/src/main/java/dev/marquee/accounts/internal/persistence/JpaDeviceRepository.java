package dev.marquee.accounts.internal.persistence;

import dev.marquee.accounts.internal.domain.Device;
import dev.marquee.accounts.internal.domain.DeviceRepository;
import dev.marquee.accounts.internal.domain.DeviceSecurityChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaDeviceRepository implements DeviceRepository {
  @PersistenceContext(unitName = "accounts")
  private EntityManager em;

  @Override
  public Optional<Device> device(UUID id) {
    return Optional.ofNullable(em.find(Device.class, id));
  }

  @Override
  public List<Device> activeOf(UUID accountId) {
    return em.createNamedQuery("Device.activeOfAccount", Device.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  @Override
  public void add(Device device) {
    em.persist(device);
    // Token families reference the device; EclipseLink does not order unrelated inserts.
    em.flush();
  }

  @Override
  public void record(DeviceSecurityChange change) {
    em.persist(change);
  }

  @Override
  public List<DeviceSecurityChange> securityChanges(UUID deviceId) {
    return em.createNamedQuery("DeviceSecurityChange.ofDevice", DeviceSecurityChange.class)
        .setParameter("device", deviceId)
        .getResultList();
  }
}
