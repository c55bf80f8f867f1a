package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.DeviceType;
import dev.marquee.accounts.internal.domain.DeviceAuthorization;
import dev.marquee.accounts.internal.domain.OAuthClient;
import dev.marquee.accounts.internal.domain.SecretTokens;
import dev.marquee.accounts.internal.domain.TokenRepository;
import dev.marquee.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The device half of RFC 8628: a TV asks for codes, a signed-in viewer approves or denies. */
@ApplicationScoped
public class DeviceAuthorizationService {
  @Inject TokenRepository tokens;
  @Inject OAuthTokenService tokenService;

  @Inject
  @ConfigProperty(name = "marquee.oauth.device.interval-seconds", defaultValue = "5")
  int intervalSeconds;

  @Inject
  @ConfigProperty(name = "marquee.oauth.device.ttl-seconds", defaultValue = "600")
  int ttlSeconds;

  /** Codes handed to the device; the device code is secret, the user code is shown. */
  public record Started(String deviceCode, String userCode, int expiresIn, int interval) {}

  @Transactional
  public Started start(String clientId, String deviceName, DeviceType deviceType) {
    tokenService.client(clientId, OAuthClient.DEVICE_CODE);
    var now = Time.now();
    String deviceCode = SecretTokens.newSecret();
    String userCode = SecretTokens.newUserCode();
    tokens.add(
        new DeviceAuthorization(
            SecretTokens.sha256(deviceCode),
            userCode,
            clientId,
            deviceName,
            deviceType,
            intervalSeconds,
            now,
            now.plusSeconds(ttlSeconds)));
    return new Started(deviceCode, userCode, ttlSeconds, intervalSeconds);
  }

  /** What a viewer is asked to approve: which app, on which device, since when. */
  public record Pending(
      String userCode,
      String clientId,
      String clientName,
      String deviceName,
      DeviceType deviceType,
      Instant requestedAt,
      Instant expiresAt) {}

  /** Shows who asks before the viewer decides; the code must be pending. */
  @Transactional
  public Pending pending(String typedUserCode) {
    DeviceAuthorization authorization = waiting(typedUserCode);
    String clientName =
        tokens
            .client(authorization.clientId())
            .map(OAuthClient::name)
            .orElse(authorization.clientId());
    return new Pending(
        authorization.userCode(),
        authorization.clientId(),
        clientName,
        authorization.deviceName(),
        authorization.deviceType(),
        authorization.createdAt().toInstant(),
        authorization.expiresAt().toInstant());
  }

  private DeviceAuthorization waiting(String typedUserCode) {
    String code = SecretTokens.normalizeUserCode(typedUserCode);
    DeviceAuthorization authorization =
        tokens
            .deviceAuthorizationByUserCodeForUpdate(code)
            .filter(a -> !a.isExpired(Time.now()))
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "unknown-user-code",
                        "No device is waiting for code " + code + " (it may have expired)."));
    if (authorization.status() != DeviceAuthorization.Status.PENDING) {
      throw ProblemException.conflict(
          "user-code-already-used", "Code " + code + " was already decided.");
    }
    return authorization;
  }

  /** The viewer's decision on the code their TV shows. */
  @Transactional
  public String decide(UUID accountId, String typedUserCode, boolean approve) {
    DeviceAuthorization authorization = waiting(typedUserCode);
    if (approve) {
      authorization.approve(accountId);
    } else {
      authorization.deny(accountId);
    }
    return authorization.deviceName();
  }
}
