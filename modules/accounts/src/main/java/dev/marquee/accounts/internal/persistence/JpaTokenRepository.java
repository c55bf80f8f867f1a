package dev.marquee.accounts.internal.persistence;

import dev.marquee.accounts.internal.domain.DeviceAuthorization;
import dev.marquee.accounts.internal.domain.OAuthClient;
import dev.marquee.accounts.internal.domain.RefreshToken;
import dev.marquee.accounts.internal.domain.TokenFamily;
import dev.marquee.accounts.internal.domain.TokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class JpaTokenRepository implements TokenRepository {
  @PersistenceContext(unitName = "accounts")
  private EntityManager em;

  @Override
  public Optional<OAuthClient> client(String clientId) {
    return Optional.ofNullable(em.find(OAuthClient.class, clientId));
  }

  @Override
  public Optional<TokenFamily> family(UUID id) {
    return Optional.ofNullable(em.find(TokenFamily.class, id));
  }

  @Override
  public Set<UUID> activeAmong(Collection<UUID> familyIds) {
    if (familyIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createNamedQuery("TokenFamily.activeAmong", UUID.class)
            .setParameter("ids", familyIds)
            .getResultList());
  }

  @Override
  public List<TokenFamily> activeFamiliesOfDevice(UUID deviceId) {
    return em.createNamedQuery("TokenFamily.activeOfDevice", TokenFamily.class)
        .setParameter("device", deviceId)
        .getResultList();
  }

  @Override
  public List<TokenFamily> activeFamiliesOfAccount(UUID accountId) {
    return em.createNamedQuery("TokenFamily.activeOfAccount", TokenFamily.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  @Override
  public void add(TokenFamily family) {
    em.persist(family);
    // Refresh tokens reference the family; EclipseLink does not order unrelated inserts.
    em.flush();
  }

  @Override
  public Optional<RefreshToken> refreshTokenForUpdate(String tokenHash) {
    return Optional.ofNullable(
        em.find(RefreshToken.class, tokenHash, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void add(RefreshToken token) {
    em.persist(token);
  }

  @Override
  public Optional<DeviceAuthorization> deviceAuthorizationForUpdate(String deviceCodeHash) {
    return Optional.ofNullable(
        em.find(DeviceAuthorization.class, deviceCodeHash, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<DeviceAuthorization> deviceAuthorizationByUserCodeForUpdate(String userCode) {
    return em.createNamedQuery("DeviceAuthorization.byUserCode", DeviceAuthorization.class)
        .setParameter("code", userCode)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(DeviceAuthorization authorization) {
    em.persist(authorization);
  }
}
