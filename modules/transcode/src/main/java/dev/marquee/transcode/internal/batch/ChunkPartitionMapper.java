package dev.marquee.transcode.internal.batch;

import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.domain.ChunkTask;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One partition per run of consecutive chunks (about {@code chunks-per-partition} of them, 3 by
 * default): a partition decodes its run in one pass, so the master is decoded again from a keyframe
 * once per run instead of once per chunk. Runs are as even as they can be and their number is even,
 * so that two (or four...) partition threads finish together. The plan depends only on the job's
 * chunk count and this setting, never on the server's cores; a restart reruns every partition, and
 * the chunk ledger tells each what is left.
 */
@Named("chunkPartitionMapper")
@Dependent
public class ChunkPartitionMapper implements PartitionMapper {
  @Inject
  @BatchProperty(name = "jobId")
  String jobId;

  @Inject TranscodeLedger ledger;

  @Inject
  @ConfigProperty(name = "marquee.transcode.partition-threads", defaultValue = "0")
  int threads;

  @Inject
  @ConfigProperty(name = "marquee.transcode.chunks-per-partition", defaultValue = "3")
  int chunksPerPartition;

  @Override
  public PartitionPlan mapPartitions() {
    List<Integer> chunks =
        ledger.tasks(UUID.fromString(jobId)).stream()
            .map(ChunkTask::chunkIndex)
            .distinct()
            .sorted()
            .toList();
    List<List<Integer>> runs = runs(chunks, chunksPerPartition);
    Properties[] properties = new Properties[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      List<Integer> run = runs.get(i);
      properties[i] = new Properties();
      properties[i].setProperty("jobId", jobId);
      properties[i].setProperty("firstChunk", Integer.toString(run.get(0)));
      properties[i].setProperty("lastChunk", Integer.toString(run.get(run.size() - 1)));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(runs.size());
    plan.setThreads(
        Math.max(1, threads > 0 ? threads : Runtime.getRuntime().availableProcessors()));
    plan.setPartitionProperties(properties);
    // A restart maps the partitions again and runs all of them: one whose chunks are all done
    // returns at once. The plan may differ from the first execution's (another
    // chunks-per-partition), and no chunk is left to a partition numbered as a completed one.
    plan.setPartitionsOverride(true);
    return plan;
  }

  /** The chunks cut into an even number of runs of about {@code perRun}, sizes within one. */
  static List<List<Integer>> runs(List<Integer> chunks, int perRun) {
    int per = Math.max(1, perRun);
    int count = Math.max(1, (chunks.size() + per - 1) / per);
    if (count % 2 == 1 && count < chunks.size()) {
      count++;
    }
    List<List<Integer>> runs = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < count; i++) {
      int size = chunks.size() / count + (i < chunks.size() % count ? 1 : 0);
      runs.add(chunks.subList(from, from + size));
      from += size;
    }
    return runs;
  }
}
