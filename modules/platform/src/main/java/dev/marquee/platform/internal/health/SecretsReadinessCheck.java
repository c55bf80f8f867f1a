package dev.marquee.platform.internal.health;

import dev.marquee.platform.api.HmacKeys;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while any configured HMAC secret was refused (too short): the owners of those keys check
 * them when the application starts, so a bad secret keeps the server out of the load balancer
 * instead of working with a weak key. The data names each variable and what is wrong with it.
 */
@Readiness
@ApplicationScoped
public class SecretsReadinessCheck implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    var refused = HmacKeys.refused();
    var response = HealthCheckResponse.named("secrets").status(refused.isEmpty());
    refused.forEach(response::withData);
    return response.build();
  }
}
