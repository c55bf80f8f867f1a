package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.Role;
import dev.marquee.accounts.internal.domain.Account;
import dev.marquee.accounts.internal.domain.AccountRepository;
import dev.marquee.accounts.internal.domain.Device;
import dev.marquee.accounts.internal.domain.DeviceAuthorization;
import dev.marquee.accounts.internal.domain.DeviceRepository;
import dev.marquee.accounts.internal.domain.ErasureRequestRepository;
import dev.marquee.accounts.internal.domain.OAuthClient;
import dev.marquee.accounts.internal.domain.RefreshToken;
import dev.marquee.accounts.internal.domain.SecretTokens;
import dev.marquee.accounts.internal.domain.TokenFamily;
import dev.marquee.accounts.internal.domain.TokenRepository;
import dev.marquee.accounts.internal.persistence.ActiveSignInQuery;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token endpoint's grants. Refresh tokens rotate: each use returns a new one, and presenting
 * one that was already used means it was stolen or replayed, so its whole family is revoked (OAuth
 * 2.0 Security BCP, section 4.14). Revocations are committed even though the caller gets an error,
 * hence {@code dontRollbackOn}.
 */
@ApplicationScoped
public class OAuthTokenService {
  private static final Logger LOG = Logger.getLogger(OAuthTokenService.class.getName());

  @Inject AccountRepository accounts;
  @Inject DeviceRepository devices;
  @Inject TokenRepository tokens;
  @Inject ActiveSignInQuery activeSignIns;
  @Inject ErasureRequestRepository erasures;
  @Inject PasswordHashing hashing;
  @Inject AccessTokenIssuer issuer;
  // This bean through its proxy, so that startPasswordFamily runs in its own transaction.
  @Inject OAuthTokenService families;

  @Inject
  @ConfigProperty(name = "marquee.oauth.refresh-ttl-days", defaultValue = "30")
  int refreshTtlDays;

  /** Checks that the client exists and may use the grant. */
  public OAuthClient client(String clientId, String grantType) {
    if (clientId == null || clientId.isBlank()) {
      throw OAuthProblems.invalidRequest("client_id is required.");
    }
    OAuthClient client =
        tokens
            .client(clientId)
            .orElseThrow(() -> OAuthProblems.invalidClient("Unknown client_id " + clientId + "."));
    if (!client.allows(grantType)) {
      throw OAuthProblems.unauthorizedClient(
          "Client " + clientId + " may not use the grant type " + grantType + ".");
    }
    return client;
  }

  /**
   * The password grant. The password is checked outside any transaction, so a sign-in waiting for
   * its turn to hash (see {@link PasswordHashing}) holds no database connection; only the new token
   * family is written in one.
   */
  public TokenGrant passwordGrant(
      String clientId, String username, String password, String deviceId) {
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      throw OAuthProblems.invalidRequest("username and password are required.");
    }
    StoredPassword stored = families.storedPassword(clientId, username);
    boolean matches =
        hashing.matches(password, stored.hash() == null ? hashing.decoy() : stored.hash());
    if (stored.accountId() == null || !matches) {
      throw OAuthProblems.badCredentials();
    }
    return families.startPasswordFamily(stored.accountId(), deviceId, clientId);
  }

  /** The account's id and password hash (both null for an unknown email), client checked. */
  public record StoredPassword(UUID accountId, String hash) {}

  @Transactional
  public StoredPassword storedPassword(String clientId, String username) {
    client(clientId, OAuthClient.PASSWORD);
    // An account being erased signs in no more: it answers like an unknown email.
    return accounts
        .accountByEmail(Account.normalize(username))
        .filter(a -> !erasures.isPending(a.id()))
        .map(a -> new StoredPassword(a.id(), a.passwordHash()))
        .orElse(new StoredPassword(null, null));
  }

  /** Starts the sign-in's token family once the password matched. */
  @Transactional
  public TokenGrant startPasswordFamily(UUID accountId, String deviceId, String clientId) {
    Account account = accounts.account(accountId).orElseThrow(OAuthProblems::badCredentials);
    if (account.isLocked()) {
      throw AccountLocks.lockedProblem();
    }
    UUID device = deviceId == null || deviceId.isBlank() ? null : ownDevice(account, deviceId);
    return startFamily(account, device, clientId);
  }

  @Transactional(dontRollbackOn = ProblemException.class)
  public TokenGrant refreshGrant(String clientId, String refreshToken) {
    OAuthClient client = client(clientId, OAuthClient.REFRESH_TOKEN);
    if (refreshToken == null || refreshToken.isBlank()) {
      throw OAuthProblems.invalidRequest("refresh_token is required.");
    }
    OffsetDateTime now = Time.now();
    RefreshToken presented =
        tokens
            .refreshTokenForUpdate(SecretTokens.sha256(refreshToken))
            .orElseThrow(() -> OAuthProblems.invalidGrant("The refresh token is not valid."));
    TokenFamily family =
        tokens
            .family(presented.familyId())
            .orElseThrow(() -> OAuthProblems.invalidGrant("The refresh token is not valid."));
    if (!family.clientId().equals(client.clientId())) {
      throw OAuthProblems.invalidGrant("The refresh token was issued to another client.");
    }
    if (family.isRevoked()) {
      throw OAuthProblems.invalidGrant("The refresh token has been revoked.");
    }
    if (presented.isUsed()) {
      family.revoke("refresh-token-reuse", now);
      LOG.warning(() -> "Refresh token reuse detected; revoked token family " + family.id());
      throw OAuthProblems.invalidGrant(
          "The refresh token was already used; every token of this sign-in is now revoked.");
    }
    if (presented.isExpired(now)) {
      throw OAuthProblems.invalidGrant("The refresh token has expired.");
    }
    presented.markUsed(now);
    Account account =
        accounts
            .account(family.accountId())
            .orElseThrow(() -> OAuthProblems.invalidGrant("The account no longer exists."));
    if (account.isLocked()) {
      throw AccountLocks.lockedProblem();
    }
    return new TokenGrant(
        issuer.issue(account, family),
        issuer.ttlSeconds(),
        newRefreshToken(family, now),
        scopeOf(account),
        family.deviceId() == null ? null : family.deviceId().toString());
  }

  /** The polling half of RFC 8628 (section 3.4/3.5). */
  @Transactional(dontRollbackOn = ProblemException.class)
  public TokenGrant deviceCodeGrant(String clientId, String deviceCode) {
    OAuthClient client = client(clientId, OAuthClient.DEVICE_CODE);
    if (deviceCode == null || deviceCode.isBlank()) {
      throw OAuthProblems.invalidRequest("device_code is required.");
    }
    OffsetDateTime now = Time.now();
    DeviceAuthorization authorization =
        tokens
            .deviceAuthorizationForUpdate(SecretTokens.sha256(deviceCode))
            .orElseThrow(() -> OAuthProblems.invalidGrant("The device code is not valid."));
    if (!authorization.clientId().equals(client.clientId())) {
      throw OAuthProblems.invalidGrant("The device code was issued to another client.");
    }
    if (authorization.status() == DeviceAuthorization.Status.CONSUMED) {
      throw OAuthProblems.invalidGrant("The device code has already been used.");
    }
    if (authorization.isExpired(now)) {
      throw OAuthProblems.error(400, "expired_token", "The device code has expired; start again.");
    }
    if (authorization.status() == DeviceAuthorization.Status.DENIED) {
      throw OAuthProblems.error(400, "access_denied", "The viewer denied this device.");
    }
    if (authorization.status() == DeviceAuthorization.Status.PENDING) {
      if (authorization.pollTooFast(now)) {
        throw OAuthProblems.error(
            400,
            "slow_down",
            "Polling too fast; wait " + authorization.intervalSeconds() + " s between requests.");
      }
      throw OAuthProblems.error(
          400, "authorization_pending", "The viewer has not approved this device yet.");
    }
    Account account =
        accounts
            .account(authorization.accountId())
            .orElseThrow(
                () -> OAuthProblems.invalidGrant("The approving account no longer exists."));
    if (account.isLocked()) {
      throw AccountLocks.lockedProblem();
    }
    if (devices.activeOf(account.id()).size() >= Device.MAX_ACTIVE_PER_ACCOUNT) {
      throw OAuthProblems.error(
          400,
          "access_denied",
          "The account already has "
              + Device.MAX_ACTIVE_PER_ACCOUNT
              + " devices; remove one first.");
    }
    authorization.consume();
    Device device =
        new Device(account.id(), authorization.deviceName(), authorization.deviceType(), now);
    devices.add(device);
    return startFamily(account, device.id(), client.clientId());
  }

  /** Logout: the sign-in's refresh tokens stop working, and so do its access tokens. */
  @Transactional
  public void revokeFamily(UUID familyId, UUID accountId, String reason) {
    tokens
        .family(familyId)
        .filter(f -> f.accountId().equals(accountId))
        .ifPresent(f -> f.revoke(reason, Time.now()));
  }

  /** RFC 7009: revoking an unknown or foreign token is not an error. */
  @Transactional
  public void revokeRefreshToken(String clientId, String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw OAuthProblems.invalidRequest("token is required.");
    }
    tokens
        .refreshTokenForUpdate(SecretTokens.sha256(refreshToken))
        .flatMap(t -> tokens.family(t.familyId()))
        .filter(f -> f.clientId().equals(clientId))
        .ifPresent(f -> f.revoke("revoked-by-client", Time.now()));
  }

  /** Checked on every authenticated request: one plain read, no transaction, no entity. */
  public boolean isSessionActive(UUID familyId) {
    return activeSignIns.isActive(familyId);
  }

  private UUID ownDevice(Account account, String deviceId) {
    UUID id;
    try {
      id = UUID.fromString(deviceId);
    } catch (IllegalArgumentException e) {
      throw OAuthProblems.invalidRequest("device_id must be a UUID.");
    }
    return devices
        .device(id)
        .filter(d -> d.accountId().equals(account.id()) && !d.isRemoved())
        .map(Device::id)
        .orElseThrow(
            () -> OAuthProblems.invalidRequest("device_id is not a device of this account."));
  }

  private TokenGrant startFamily(Account account, UUID deviceId, String clientId) {
    OffsetDateTime now = Time.now();
    TokenFamily family = new TokenFamily(account.id(), deviceId, clientId, now);
    tokens.add(family);
    return new TokenGrant(
        issuer.issue(account, family),
        issuer.ttlSeconds(),
        newRefreshToken(family, now),
        scopeOf(account),
        deviceId == null ? null : deviceId.toString());
  }

  private String newRefreshToken(TokenFamily family, OffsetDateTime now) {
    String secret = SecretTokens.newSecret();
    tokens.add(
        new RefreshToken(
            SecretTokens.sha256(secret), family.id(), now, now.plusDays(refreshTtlDays)));
    return secret;
  }

  private static String scopeOf(Account account) {
    return String.join(" ", account.roles().stream().map(Role::roleName).sorted().toList());
  }
}
