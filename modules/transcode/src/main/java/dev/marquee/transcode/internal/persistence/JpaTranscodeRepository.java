package dev.marquee.transcode.internal.persistence;

import dev.marquee.transcode.internal.domain.ChunkTask;
import dev.marquee.transcode.internal.domain.Rendition;
import dev.marquee.transcode.internal.domain.Segment;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.domain.TranscodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaTranscodeRepository implements TranscodeRepository {
  @PersistenceContext(unitName = "transcode")
  private EntityManager em;

  @Override
  public void add(TranscodeJob job) {
    em.persist(job);
    em.flush();
  }

  @Override
  public Optional<TranscodeJob> job(UUID id) {
    return Optional.ofNullable(em.find(TranscodeJob.class, id));
  }

  @Override
  public List<TranscodeJob> jobsOfTitle(UUID titleId) {
    return em.createQuery(
            "SELECT j FROM TranscodeJob j WHERE j.titleId = :title ORDER BY j.createdAt DESC",
            TranscodeJob.class)
        .setParameter("title", titleId)
        .getResultList();
  }

  @Override
  public Optional<TranscodeJob> jobForUpdate(UUID id) {
    return Optional.ofNullable(em.find(TranscodeJob.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<TranscodeJob> unfinishedJobs() {
    return em.createQuery(
            "SELECT j FROM TranscodeJob j WHERE j.executionId IS NOT NULL AND j.state IN :states",
            TranscodeJob.class)
        .setParameter("states", List.of(TranscodeJob.State.SUBMITTED, TranscodeJob.State.PLANNED))
        .getResultList();
  }

  @Override
  public List<TranscodeJob> recentJobs(int limit) {
    return em.createQuery(
            "SELECT j FROM TranscodeJob j ORDER BY j.createdAt DESC", TranscodeJob.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(ChunkTask task) {
    em.persist(task);
  }

  @Override
  public List<ChunkTask> tasks(UUID jobId) {
    return em.createQuery(
            "SELECT t FROM ChunkTask t WHERE t.jobId = :job ORDER BY t.rung, t.chunkIndex",
            ChunkTask.class)
        .setParameter("job", jobId)
        .getResultList();
  }

  @Override
  public Optional<ChunkTask> task(UUID jobId, String rung, int chunkIndex) {
    return Optional.ofNullable(
        em.find(ChunkTask.class, new ChunkTask.Key(jobId, rung, chunkIndex)));
  }

  @Override
  public void add(Rendition rendition) {
    em.persist(rendition);
    em.flush();
  }

  @Override
  public void add(Segment segment) {
    em.persist(segment);
  }

  @Override
  public void removeRendition(UUID jobId, Rendition.Kind kind, String name) {
    // Segments go with their rendition (ON DELETE CASCADE).
    em.createNativeQuery(
            "DELETE FROM transcode.renditions WHERE job_id = ?1 AND kind = ?2 AND name = ?3")
        .setParameter(1, jobId)
        .setParameter(2, kind.name())
        .setParameter(3, name)
        .executeUpdate();
  }

  @Override
  public List<Rendition> renditionsOfJob(UUID jobId) {
    return em.createQuery(
            "SELECT r FROM Rendition r WHERE r.jobId = :job ORDER BY r.kind, r.height, r.name",
            Rendition.class)
        .setParameter("job", jobId)
        .getResultList();
  }

  @Override
  public List<Segment> segments(UUID renditionId) {
    return em.createQuery(
            "SELECT s FROM Segment s WHERE s.renditionId = :rendition ORDER BY s.segmentIndex",
            Segment.class)
        .setParameter("rendition", renditionId)
        .getResultList();
  }
}
