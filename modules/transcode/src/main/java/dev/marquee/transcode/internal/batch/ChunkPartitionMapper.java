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
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One partition per chunk x rung, in a stable order so that a restart maps the same partitions and
 * the runtime reruns only those that did not complete.
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

  @Override
  public PartitionPlan mapPartitions() {
    List<Integer> chunks =
        ledger.tasks(UUID.fromString(jobId)).stream()
            .map(ChunkTask::chunkIndex)
            .distinct()
            .sorted()
            .toList();
    Properties[] properties = new Properties[chunks.size()];
    for (int i = 0; i < chunks.size(); i++) {
      properties[i] = new Properties();
      properties[i].setProperty("jobId", jobId);
      properties[i].setProperty("chunkIndex", Integer.toString(chunks.get(i)));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(chunks.size());
    plan.setThreads(
        Math.max(1, threads > 0 ? threads : Runtime.getRuntime().availableProcessors()));
    plan.setPartitionProperties(properties);
    plan.setPartitionsOverride(false);
    return plan;
  }
}
