package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.internal.domain.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configured password hasher (cost tunable per deployment). */
@ApplicationScoped
public class PasswordHashing {
  @Inject
  @ConfigProperty(name = "marquee.password.argon2.memory-kib", defaultValue = "19456")
  int memoryKib;

  @Inject
  @ConfigProperty(name = "marquee.password.argon2.iterations", defaultValue = "2")
  int iterations;

  private volatile PasswordHasher hasher;
  private volatile String decoy;

  public PasswordHasher hasher() {
    if (hasher == null) {
      hasher = new PasswordHasher(memoryKib, iterations, 1);
    }
    return hasher;
  }

  /** A valid hash of nobody's password, verified when the email is unknown. */
  public String decoy() {
    if (decoy == null) {
      decoy = hasher().decoy();
    }
    return decoy;
  }
}
