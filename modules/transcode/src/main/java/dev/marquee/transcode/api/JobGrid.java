package dev.marquee.transcode.api;

import java.util.List;

/** A job's rungs x chunks, rungs lowest first, cells ordered by rung then chunk. */
public record JobGrid(
    JobSummary job,
    List<String> rungs,
    int chunkCount,
    List<ChunkCell> cells,
    List<String> audit) {}
