package dev.marquee.transcode.internal.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Jobs, chunk tasks, renditions and segments. */
public interface TranscodeRepository {
  void add(TranscodeJob job);

  Optional<TranscodeJob> job(UUID id);

  List<TranscodeJob> jobsOfTitle(UUID titleId);

  /** The job, locked until the transaction ends (servers racing to restart it). */
  Optional<TranscodeJob> jobForUpdate(UUID id);

  /** Jobs with an execution that neither published nor failed on their own. */
  List<TranscodeJob> unfinishedJobs();

  /** The newest jobs of every title, newest first. */
  List<TranscodeJob> recentJobs(int limit);

  void add(ChunkTask task);

  List<ChunkTask> tasks(UUID jobId);

  Optional<ChunkTask> task(UUID jobId, String rung, int chunkIndex);

  void add(Rendition rendition);

  void add(Segment segment);

  /** Removes the job's rendition of that kind and name with its segments, if there is one. */
  void removeRendition(UUID jobId, Rendition.Kind kind, String name);

  List<Rendition> renditionsOfJob(UUID jobId);

  List<Segment> segments(UUID renditionId);
}
