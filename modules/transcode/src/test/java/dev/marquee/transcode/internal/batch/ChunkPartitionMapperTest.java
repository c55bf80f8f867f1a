package dev.marquee.transcode.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Partitions are even runs of consecutive chunks, an even number of them, covering every chunk. */
class ChunkPartitionMapperTest {
  private static List<Integer> chunks(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  private static List<Integer> sizes(List<List<Integer>> runs) {
    return runs.stream().map(List::size).toList();
  }

  @Test
  void aMinuteOfTwoSecondChunksMakesTenRunsOfThree() {
    List<List<Integer>> runs = ChunkPartitionMapper.runs(chunks(30), 3);
    assertThat(sizes(runs)).containsOnly(3).hasSize(10);
    assertThat(runs.stream().flatMap(List::stream).toList()).isEqualTo(chunks(30));
  }

  @Test
  void runsAreAnEvenNumberWithinOneChunkOfEachOther() {
    // 10 chunks in runs of about 3: four runs (two threads finish together), not 3+3+3+1.
    assertThat(sizes(ChunkPartitionMapper.runs(chunks(10), 3))).containsExactly(3, 3, 2, 2);
    assertThat(sizes(ChunkPartitionMapper.runs(chunks(3), 3))).containsExactly(2, 1);
    assertThat(sizes(ChunkPartitionMapper.runs(chunks(61), 3))).hasSize(22).allMatch(s -> s >= 2);
  }

  @Test
  void oneChunkIsOneRunAndOnePerRunIsOneChunkEach() {
    assertThat(ChunkPartitionMapper.runs(chunks(1), 3)).containsExactly(List.of(0));
    assertThat(sizes(ChunkPartitionMapper.runs(chunks(5), 1))).containsOnly(1).hasSize(5);
  }
}
