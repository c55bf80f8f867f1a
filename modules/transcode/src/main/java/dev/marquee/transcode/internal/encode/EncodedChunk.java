package dev.marquee.transcode.internal.encode;

import dev.marquee.transcode.internal.cmaf.AvcConfiguration;
import dev.marquee.transcode.internal.cmaf.CmafSample;
import java.util.List;

/**
 * One chunk of one rung, encoded: samples in decode order with durations and composition offsets in
 * frame units (multiply by the track's frame duration), and the parameter sets.
 */
public record EncodedChunk(
    ChunkSpec chunk, int width, int height, AvcConfiguration avc, List<CmafSample> samples) {}
