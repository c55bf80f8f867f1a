package dev.marquee.accounts.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when access tokens can be signed: the signing keystore opens, the current alias holds
 * a private key, and that key is not the TLS key. Otherwise sign-in would fail on every request.
 */
@Readiness
@ApplicationScoped
public class SigningKeyReadinessCheck implements HealthCheck {
  @Inject SigningKeys signingKeys;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("token-signing");
    return signingKeys
        .problem()
        .map(problem -> response.down().withData("error", problem).build())
        .orElseGet(() -> response.up().build());
  }
}
