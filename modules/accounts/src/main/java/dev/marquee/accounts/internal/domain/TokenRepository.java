package dev.marquee.accounts.internal.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** OAuth2 state: clients, token families, refresh tokens and device authorizations. */
public interface TokenRepository {
  Optional<OAuthClient> client(String clientId);

  Optional<TokenFamily> family(UUID id);

  /** The ids among these that belong to active (not revoked) families. */
  Set<UUID> activeAmong(Collection<UUID> familyIds);

  List<TokenFamily> activeFamiliesOfDevice(UUID deviceId);

  List<TokenFamily> activeFamiliesOfAccount(UUID accountId);

  void add(TokenFamily family);

  /** Locks the row so two concurrent uses of one refresh token cannot both succeed. */
  Optional<RefreshToken> refreshTokenForUpdate(String tokenHash);

  void add(RefreshToken token);

  Optional<DeviceAuthorization> deviceAuthorizationForUpdate(String deviceCodeHash);

  Optional<DeviceAuthorization> deviceAuthorizationByUserCodeForUpdate(String userCode);

  void add(DeviceAuthorization authorization);
}
