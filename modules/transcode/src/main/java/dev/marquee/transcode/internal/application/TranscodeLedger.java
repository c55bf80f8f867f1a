package dev.marquee.transcode.internal.application;

import dev.marquee.transcode.internal.domain.ChunkTask;
import dev.marquee.transcode.internal.domain.FrameRate;
import dev.marquee.transcode.internal.domain.Rendition;
import dev.marquee.transcode.internal.domain.Segment;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import dev.marquee.transcode.internal.domain.TranscodeRepository;
import dev.marquee.transcode.internal.encode.Rung;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Short transactions for the job's bookkeeping; encoding itself runs outside them. */
@ApplicationScoped
public class TranscodeLedger {
  @Inject TranscodeRepository repository;

  @Transactional
  public TranscodeJob submit(UUID titleId, String masterKey) {
    TranscodeJob job = new TranscodeJob(titleId, masterKey);
    repository.add(job);
    return job;
  }

  @Transactional
  public void started(UUID jobId, long executionId) {
    repository.job(jobId).orElseThrow().started(executionId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public TranscodeJob job(UUID jobId) {
    return repository
        .job(jobId)
        .orElseThrow(() -> new IllegalStateException("no transcode job " + jobId));
  }

  /** Writes the plan once; a restarted job keeps the plan it had. */
  @Transactional
  public TranscodeJob plan(
      UUID jobId,
      FrameRate rate,
      int chunkFrames,
      long totalFrames,
      int width,
      int height,
      List<Rung> rungs) {
    TranscodeJob job = repository.job(jobId).orElseThrow();
    if (job.isPlanned()) {
      return job;
    }
    job.planned(rate, chunkFrames, totalFrames, width, height);
    for (Rung rung : rungs) {
      for (int chunk = 0; chunk < job.chunkCount(); chunk++) {
        long first = (long) chunk * chunkFrames;
        int frames = (int) Math.min(chunkFrames, totalFrames - first);
        repository.add(new ChunkTask(jobId, rung.name(), chunk, first, frames));
      }
    }
    return job;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ChunkTask> tasks(UUID jobId) {
    return repository.tasks(jobId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ChunkTask task(UUID jobId, String rung, int chunkIndex) {
    return repository.task(jobId, rung, chunkIndex).orElseThrow();
  }

  @Transactional
  public void attempt(UUID jobId, String rung, int chunkIndex) {
    repository.task(jobId, rung, chunkIndex).orElseThrow().attempt();
  }

  @Transactional
  public void chunkDone(
      UUID jobId,
      String rung,
      int chunkIndex,
      long size,
      String codecs,
      String avc,
      int width,
      int height,
      String server) {
    repository
        .task(jobId, rung, chunkIndex)
        .orElseThrow()
        .done(size, codecs, avc, width, height, server);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Rendition> renditions(UUID jobId) {
    return repository.renditionsOfJob(jobId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Segment> segments(UUID renditionId) {
    return repository.segments(renditionId);
  }

  @Transactional
  public void record(Rendition rendition, List<Segment> segments) {
    repository.add(rendition);
    segments.forEach(repository::add);
  }

  /**
   * Records the rendition in place of the job's rendition of the same kind and name, in one
   * transaction: a track added again (or encoded by two steps at once) is stored once.
   */
  @Transactional
  public void replace(Rendition rendition, List<Segment> segments) {
    repository.removeRendition(rendition.jobId(), rendition.kind(), rendition.name());
    repository.add(rendition);
    segments.forEach(repository::add);
  }

  @Transactional
  public void published(UUID jobId) {
    repository.job(jobId).orElseThrow().published();
  }

  @Transactional
  public void awaitingDispatch(UUID jobId) {
    repository.job(jobId).orElseThrow().awaitingDispatch();
  }

  @Transactional
  public void failed(UUID jobId, String reason) {
    repository.job(jobId).orElseThrow().failed(reason);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TranscodeJob> unfinishedJobs() {
    return repository.unfinishedJobs();
  }

  /** See {@link TranscodeJob#claimAutomaticRestart}; the row lock makes one server win. */
  @Transactional
  public boolean claimAutomaticRestart(UUID jobId, long interruptedExecution, int limit) {
    return repository
        .jobForUpdate(jobId)
        .map(job -> job.claimAutomaticRestart(interruptedExecution, limit))
        .orElse(false);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TranscodeJob> jobsOfTitle(UUID titleId) {
    return repository.jobsOfTitle(titleId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TranscodeJob> findJob(UUID jobId) {
    return repository.job(jobId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TranscodeJob> recentJobs(int limit) {
    return repository.recentJobs(limit);
  }
}
