package dev.marquee.accounts.internal.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes refresh tokens that can no longer be used (expired) and device codes a day past their
 * expiry. Revoked families stay: they are the audit trail of sign-ins. Idempotent, so a restart
 * simply runs it again.
 */
@Named("expiredCredentialsPurge")
@Dependent
public class ExpiredCredentialsPurge extends AbstractBatchlet {
  @PersistenceContext(unitName = "accounts")
  EntityManager em;

  @Inject JobContext job;

  @Override
  @Transactional
  public String process() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    int tokens =
        em.createNativeQuery("DELETE FROM accounts.refresh_tokens WHERE expires_at < ?1")
            .setParameter(1, now)
            .executeUpdate();
    int codes =
        em.createNativeQuery("DELETE FROM accounts.device_authorizations WHERE expires_at < ?1")
            .setParameter(1, now.minusDays(1))
            .executeUpdate();
    String summary = "deleted " + tokens + " refresh tokens, " + codes + " device codes";
    // The job's exit status is what operators see in the job status.
    job.setExitStatus(summary);
    return summary;
  }
}
