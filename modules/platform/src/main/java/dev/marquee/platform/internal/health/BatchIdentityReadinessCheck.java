package dev.marquee.platform.internal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN in production while batch jobs would run as their caller. Liberty's job repository records
 * the submitting principal of every job; run as the caller, that is a creator's account, which the
 * account erasure saga cannot reach inside Liberty's own tables (ADR 13). With the service user
 * every job records the same technical name, so production refuses the caller identity instead of
 * keeping personal data where erasure does not go. Development keeps the caller as a convenience
 * for a bare Liberty started without the run command.
 */
@Readiness
@ApplicationScoped
public class BatchIdentityReadinessCheck implements HealthCheck {
  @Inject
  @ConfigProperty(name = "marquee.mode", defaultValue = "development")
  String mode;

  @Inject
  @ConfigProperty(name = "marquee.batch.identity", defaultValue = "caller")
  String identity;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("batch-identity").withData("identity", identity);
    problem(mode, identity).ifPresent(problem -> response.withData("problem", problem));
    return response.status(problem(mode, identity).isEmpty()).build();
  }

  /** Why this server must not serve, or empty when the batch identity is acceptable. */
  static Optional<String> problem(String mode, String identity) {
    if (!"production".equalsIgnoreCase(mode) || "service-user".equals(identity)) {
      return Optional.empty();
    }
    return Optional.of(
        "MARQUEE_MODE=production needs MARQUEE_BATCH_IDENTITY=service-user (with"
            + " MARQUEE_BATCH_USER and MARQUEE_BATCH_PASSWORD): jobs run as their caller would"
            + " leave creators' account names in the job repository, which erasure cannot reach");
  }
}
