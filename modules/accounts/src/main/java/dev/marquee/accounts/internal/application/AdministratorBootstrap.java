package dev.marquee.accounts.internal.application;

import dev.marquee.platform.api.SchemasMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Somebody has to be the first admin: the account named by {@code marquee.bootstrap.admin.email}
 * (and {@code .password}) is created when the database is ready, if it does not exist yet.
 */
@ApplicationScoped
public class AdministratorBootstrap {
  private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

  @Inject RegistrationService registrations;

  @Inject
  @ConfigProperty(name = "marquee.bootstrap.admin.email", defaultValue = "")
  String email;

  @Inject
  @ConfigProperty(name = "marquee.bootstrap.admin.password", defaultValue = "")
  String password;

  void onSchemasMigrated(@Observes SchemasMigrated migrated) {
    if (email.isBlank() || password.isBlank()) {
      return;
    }
    try {
      if (registrations.ensureAdministrator(email, password)) {
        LOG.info(() -> "Created the bootstrap administrator " + email);
      }
    } catch (RuntimeException e) {
      // A concurrent server start may have created it first; anything else is logged for operators.
      LOG.warning(() -> "Bootstrap administrator not created: " + e.getMessage());
    }
  }
}
