package dev.marquee.ingest.internal.persistence;

import dev.marquee.ingest.internal.domain.Upload;
import dev.marquee.ingest.internal.domain.UploadRepository;
import dev.marquee.ingest.internal.domain.UploadState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaUploadRepository implements UploadRepository {
  @PersistenceContext(unitName = "ingest")
  private EntityManager em;

  @Override
  public Optional<Upload> upload(UUID id) {
    return Optional.ofNullable(em.find(Upload.class, id));
  }

  @Override
  public Optional<Upload> uploadForUpdate(UUID id) {
    return Optional.ofNullable(em.find(Upload.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<Upload> completedForTitle(UUID titleId) {
    return em.createQuery(
            "SELECT u FROM Upload u WHERE u.titleId = :title AND u.state = :state", Upload.class)
        .setParameter("title", titleId)
        .setParameter("state", UploadState.COMPLETED)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Upload upload) {
    em.persist(upload);
  }
}
