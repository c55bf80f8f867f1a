package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.internal.domain.PasswordHasher;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured password hasher (cost tunable per deployment), and the bound on how many hashes
 * run at once. Each Argon2id hash takes its memory cost (19 MiB by default) for tens of
 * milliseconds, so a burst of sign-ins must queue instead of exhausting the heap: at most {@code
 * concurrent} hashes run, at most {@code queue} requests wait for one, and a request that cannot be
 * served in time is answered 503 with Retry-After.
 */
@ApplicationScoped
public class PasswordHashing {
  @Inject
  @ConfigProperty(name = "marquee.password.argon2.memory-kib", defaultValue = "19456")
  int memoryKib;

  @Inject
  @ConfigProperty(name = "marquee.password.argon2.iterations", defaultValue = "2")
  int iterations;

  /** 0: one per processor. */
  @Inject
  @ConfigProperty(name = "marquee.password.concurrent-hashes", defaultValue = "0")
  int concurrent;

  @Inject
  @ConfigProperty(name = "marquee.password.hash-queue", defaultValue = "64")
  int queue;

  @Inject
  @ConfigProperty(name = "marquee.password.hash-wait-seconds", defaultValue = "10")
  int waitSeconds;

  private Semaphore permits;
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile PasswordHasher hasher;
  private volatile String decoy;

  @PostConstruct
  void bound() {
    int n = concurrent > 0 ? concurrent : Runtime.getRuntime().availableProcessors();
    permits = new Semaphore(Math.max(1, n), true);
  }

  /** A new hash of the password, computed within the bound. */
  public String hash(String password) {
    return bounded(() -> hasher().hash(password));
  }

  /** Whether the password matches the stored hash, computed within the bound. */
  public boolean matches(String password, String storedHash) {
    return bounded(() -> hasher().matches(password, storedHash));
  }

  /** A valid hash of nobody's password, verified when the email is unknown. */
  public String decoy() {
    if (decoy == null) {
      decoy = hash("decoy-password-that-nobody-has");
    }
    return decoy;
  }

  private PasswordHasher hasher() {
    if (hasher == null) {
      hasher = new PasswordHasher(memoryKib, iterations, 1);
    }
    return hasher;
  }

  <T> T bounded(Supplier<T> work) {
    if (waiting.incrementAndGet() > queue + permits.availablePermits()) {
      waiting.decrementAndGet();
      throw busy();
    }
    boolean acquired;
    try {
      acquired = permits.tryAcquire(waitSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    } finally {
      waiting.decrementAndGet();
    }
    if (!acquired) {
      throw busy();
    }
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }

  private static ProblemException busy() {
    return ProblemException.unavailable(
        "sign-in-busy",
        "Too many sign-ins and registrations are being checked at once; try again shortly.",
        Duration.ofSeconds(2));
  }
}
