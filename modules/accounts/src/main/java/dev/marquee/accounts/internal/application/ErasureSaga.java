package dev.marquee.accounts.internal.application;

import dev.marquee.accounts.api.DataSubject;
import dev.marquee.accounts.api.PersonalDataHolder;
import dev.marquee.accounts.internal.domain.ErasureRequest;
import dev.marquee.accounts.internal.domain.ErasureRequestRepository;
import dev.marquee.accounts.internal.persistence.AccountsPersonalData;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Works an erasure request through every module's part, one transaction per part: the part's
 * deletes and the record that it is done commit together, so a crash between parts leaves a request
 * that says exactly what is left. The server that accepted the request starts at once; every server
 * also sweeps for unfinished requests at start and then periodically, and takes over one whose
 * lease ran out (its server died). Parts are idempotent, so a part interrupted mid-way (or run
 * twice by a server that outlived its lease) only erases what is still there.
 */
@ApplicationScoped
public class ErasureSaga {
  private static final Logger LOG = Logger.getLogger(ErasureSaga.class.getName());

  @Inject ErasureRequestRepository requests;
  @Inject @Any Instance<PersonalDataHolder> holders;
  @Inject AccountsPersonalData own;
  // This bean through its proxy, so that each step runs in a transaction of its own.
  @Inject ErasureSaga self;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "marquee.accounts.erasure.sweep-seconds", defaultValue = "60")
  int sweepSeconds;

  /** How long a server may work on a request before another may take it over. */
  @Inject
  @ConfigProperty(name = "marquee.accounts.erasure.lease-seconds", defaultValue = "300")
  int leaseSeconds;

  private final String server = serverName();
  private ScheduledFuture<?> sweeper;

  void onStartup(@Observes Startup startup) {
    // The first sweep soon after start picks up what a server that stopped left unfinished.
    sweeper =
        scheduler.scheduleWithFixedDelay(
            this::sweep, Math.min(10, sweepSeconds), sweepSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (sweeper != null) {
      sweeper.cancel(false);
    }
  }

  /** Starts the request's steps in the background (after the request is committed). */
  public void startSoon(UUID requestId) {
    scheduler.execute(
        () -> {
          try {
            requests.claim(requestId, server, lease()).ifPresent(this::run);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "erasure " + requestId + " waits for the next sweep", e);
          }
        });
  }

  /** Finishes every claimable request; returns how many were completed. */
  public int sweep() {
    int completed = 0;
    try {
      Optional<ErasureRequest> next;
      while ((next = requests.claimNext(server, lease())).isPresent()) {
        if (run(next.get())) {
          completed++;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "erasure sweep stopped; the next one retries: " + e.getMessage());
    }
    return completed;
  }

  /** Runs the parts not yet done, then completes the request; false if a part failed. */
  boolean run(ErasureRequest request) {
    for (PersonalDataHolder holder : PersonalDataExport.ordered(holders)) {
      if (request.isDone(holder.part())) {
        continue;
      }
      try {
        self.step(request, holder);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "erasure " + request.id() + ": part " + holder.part() + " failed; retried later",
            e);
        requests.release(request.id(), holder.part() + ": " + e.getMessage(), retryDelay());
        return false;
      }
    }
    self.complete(request.id());
    LOG.info(() -> "erasure " + request.id() + " complete");
    return true;
  }

  /** One part: erased and recorded as done in one commit. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void step(ErasureRequest request, PersonalDataHolder holder) {
    // Read inside the step: profiles and devices exist until the accounts part, which runs last.
    DataSubject subject = own.subject(request.accountId());
    holder.erase(subject, request.pseudonym());
    requests.markDone(request.id(), holder.part());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void complete(UUID requestId) {
    requests.complete(requestId);
  }

  /** The parts an erasure goes through, in order (for operators and tests). */
  public List<String> parts() {
    return PersonalDataExport.ordered(holders).stream().map(PersonalDataHolder::part).toList();
  }

  private Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  private Duration retryDelay() {
    return Duration.ofSeconds(Math.max(5, sweepSeconds));
  }

  private static String serverName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return host + "/" + ProcessHandle.current().pid();
  }
}
